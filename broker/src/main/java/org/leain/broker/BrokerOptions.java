package org.leain.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to start an {@link EmbeddedBroker}.
 *
 * @param port the client listener port on 127.0.0.1; 0 picks a free port
 * @param dataDir where the broker keeps its log segments, server.properties and broker.log; kept
 *     between runs (a restart sees the old records); null means a fresh temporary directory that
 *     is deleted on close
 * @param heapMiB the broker JVM's maximum heap ({@code -Xmx}), in MiB
 * @param readyTimeout how long to wait for the broker to answer an admin request
 * @param security authentication and encryption of the client listener
 * @param jvmOptions extra options for the broker JVM (after the heap options), e.g.
 *     {@link #FAST_START_JVM_OPTIONS}
 */
public record BrokerOptions(
    int port, Path dataDir, int heapMiB, Duration readyTimeout, ListenerSecurity security,
    List<String> jvmOptions) {

  /**
   * Client-compiler-only JIT and the serial collector: about half the time to ready on a loaded
   * 2-core machine (C2 compiler threads compete with startup) and ~15% less memory, at the cost of
   * slower steady-state code. For tests; not for latency measurements.
   */
  public static final List<String> FAST_START_JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

  /** Default heap: a one-node broker for the demo and tests fits comfortably. */
  public static final int DEFAULT_HEAP_MIB = 512;

  /** Default readiness timeout: a cold start takes 3-5 s here, 2 cores shared with a build. */
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(30);

  public BrokerOptions {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("Expected a port in [0, 65535] (0 = pick a free one). Actual: " + port);
    }
    if (heapMiB < 128) {
      throw new IllegalArgumentException("Expected a broker heap of at least 128 MiB. Actual: " + heapMiB);
    }
    Objects.requireNonNull(readyTimeout, "Expected a readiness timeout. Actual: null");
    if (readyTimeout.isNegative() || readyTimeout.isZero()) {
      throw new IllegalArgumentException("Expected a positive readiness timeout. Actual: " + readyTimeout);
    }
    Objects.requireNonNull(security, "Expected a listener security. Actual: null");
    Objects.requireNonNull(jvmOptions, "Expected JVM options (may be empty). Actual: null");
    jvmOptions = List.copyOf(jvmOptions);
  }

  /** A free port, a temporary data directory, 512 MiB heap, 30 s readiness timeout, PLAINTEXT. */
  public static BrokerOptions defaults() {
    return new BrokerOptions(
        0, null, DEFAULT_HEAP_MIB, DEFAULT_READY_TIMEOUT, ListenerSecurity.plaintext(), List.of());
  }

  /** {@link #defaults()} with {@link #FAST_START_JVM_OPTIONS}: for integration tests. */
  public static BrokerOptions forTests() {
    return defaults().withJvmOptions(FAST_START_JVM_OPTIONS);
  }

  public BrokerOptions withPort(int newPort) {
    return new BrokerOptions(newPort, dataDir, heapMiB, readyTimeout, security, jvmOptions);
  }

  public BrokerOptions withDataDir(Path newDataDir) {
    return new BrokerOptions(port, newDataDir, heapMiB, readyTimeout, security, jvmOptions);
  }

  public BrokerOptions withHeapMiB(int newHeapMiB) {
    return new BrokerOptions(port, dataDir, newHeapMiB, readyTimeout, security, jvmOptions);
  }

  public BrokerOptions withReadyTimeout(Duration newReadyTimeout) {
    return new BrokerOptions(port, dataDir, heapMiB, newReadyTimeout, security, jvmOptions);
  }

  public BrokerOptions withSecurity(ListenerSecurity newSecurity) {
    return new BrokerOptions(port, dataDir, heapMiB, readyTimeout, newSecurity, jvmOptions);
  }

  public BrokerOptions withJvmOptions(List<String> newJvmOptions) {
    return new BrokerOptions(port, dataDir, heapMiB, readyTimeout, security, newJvmOptions);
  }
}
