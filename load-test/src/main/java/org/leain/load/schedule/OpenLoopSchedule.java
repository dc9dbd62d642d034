package org.leain.load.schedule;

/**
 * Intended send times at a constant rate: request {@code i} at {@code startNanos + i * 1e9 / rate}.
 *
 * @param startNanos the intended time of request 0, on the driver's {@link Clock}
 * @param ratePerSecond requests per second, positive
 * @param count the number of requests, at least 1
 */
public record OpenLoopSchedule(long startNanos, double ratePerSecond, long count) {

  public OpenLoopSchedule {
    if (!(ratePerSecond > 0 && ratePerSecond <= 1e6)) {
      throw new IllegalArgumentException("Expected a rate in (0, 1e6] per second. Actual: " + ratePerSecond);
    }
    if (count < 1) {
      throw new IllegalArgumentException("Expected at least 1 request. Actual: " + count);
    }
  }

  /** The schedule sending {@code rate} per second for {@code durationSeconds}: round(rate * duration) requests. */
  public static OpenLoopSchedule of(long startNanos, double ratePerSecond, double durationSeconds) {
    return new OpenLoopSchedule(startNanos, ratePerSecond, Math.max(1, Math.round(ratePerSecond * durationSeconds)));
  }

  /** The intended send time of request {@code index}. */
  public long intendedNanos(long index) {
    // Computed from the index each time, so rounding never accumulates over a long run.
    return startNanos + Math.round(index * 1e9 / ratePerSecond);
  }
}
