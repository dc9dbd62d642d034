package org.leain.load.schedule;

import java.util.concurrent.locks.LockSupport;

/** Monotonic time for the scheduler; {@link #system()} in production, a fake one in tests. */
public interface Clock {

  /** Monotonic nanoseconds (as {@link System#nanoTime()}). */
  long nanoTime();

  /** Returns at or after {@code deadlineNanos} (at once if it has passed). */
  void sleepUntil(long deadlineNanos) throws InterruptedException;

  /** The JVM's monotonic clock; sleeps by parking (tens of microseconds of overshoot). */
  static Clock system() {
    return new Clock() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleepUntil(long deadlineNanos) throws InterruptedException {
        long remaining;
        while ((remaining = deadlineNanos - System.nanoTime()) > 0) {
          LockSupport.parkNanos(remaining);
          if (Thread.interrupted()) {
            throw new InterruptedException("Interrupted while waiting for the next intended send time");
          }
        }
      }
    };
  }
}
