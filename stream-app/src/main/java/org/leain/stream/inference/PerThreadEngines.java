package org.leain.stream.inference;

import java.util.HashMap;
import java.util.Map;

/**
 * One engine per stream thread, shared by that thread's tasks and closed with the last of them.
 * Kafka Streams calls a task's {@code init()} and {@code close()} on the thread that owns it.
 */
final class PerThreadEngines {
  private final InferenceEngineFactory factory;
  private final Map<Thread, Lease> leases = new HashMap<>();

  private static final class Lease {
    final InferenceEngine engine;
    int holders;

    Lease(InferenceEngine engine) {
      this.engine = engine;
    }
  }

  PerThreadEngines(InferenceEngineFactory factory) {
    this.factory = factory;
  }

  /** The calling thread's engine, created on first use. */
  synchronized InferenceEngine acquire() {
    Lease lease = leases.computeIfAbsent(Thread.currentThread(), t -> new Lease(factory.create()));
    lease.holders++;
    return lease.engine;
  }

  /** Gives back one hold of {@code engine}; closes it when no task of its thread holds it. */
  synchronized void release(InferenceEngine engine) {
    for (var it = leases.entrySet().iterator(); it.hasNext(); ) {
      Lease lease = it.next().getValue();
      if (lease.engine == engine && --lease.holders == 0) {
        it.remove();
        engine.close();
        return;
      }
    }
  }

  /** Engines open now (for tests and metrics). */
  synchronized int open() {
    return leases.size();
  }
}
