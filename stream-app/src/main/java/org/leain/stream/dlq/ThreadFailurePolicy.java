package org.leain.stream.dlq;

import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What to do when a stream thread dies of an exception no record handler took (broker or state
 * trouble, not a bad record: those are dead letters). Replace the thread, unless it keeps dying
 * ({@code maxReplacements} within {@code windowMs}): then shut this client down so the process
 * exits and its supervisor (Kubernetes) restarts it, rather than loop quietly.
 */
public final class ThreadFailurePolicy implements StreamsUncaughtExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ThreadFailurePolicy.class);

  private final int maxReplacements;
  private final long windowMs;
  private final Deque<Long> recent = new ArrayDeque<>();

  public ThreadFailurePolicy(int maxReplacements, long windowMs) {
    this.maxReplacements = maxReplacements;
    this.windowMs = windowMs;
  }

  @Override
  public synchronized StreamThreadExceptionResponse handle(Throwable exception) {
    long now = System.currentTimeMillis();
    while (!recent.isEmpty() && recent.peekFirst() < now - windowMs) {
      recent.removeFirst();
    }
    if (recent.size() >= maxReplacements) {
      LOG.error("Stream thread failed {} times within {} ms; shutting the client down", recent.size() + 1, windowMs,
          exception);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    recent.addLast(now);
    LOG.error("Stream thread failed; replacing it", exception);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
