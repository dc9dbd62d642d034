package org.leain.load.schedule;

import java.util.function.BooleanSupplier;

/**
 * Sends requests on an {@link OpenLoopSchedule}: waits for each intended time when early, sends at
 * once when late (never skipping a request), and reports each request's lag (completion of the send
 * minus its intended time) so that a stall is charged to every request behind it.
 */
public final class OpenLoopDriver {

  /** Sends request {@code index}; may block (that block is part of the measured lag). */
  @FunctionalInterface
  public interface Send {
    void send(long index, long intendedNanos) throws Exception;
  }

  /** Receives each request's lag, in nanoseconds, measured from its intended time. */
  @FunctionalInterface
  public interface LagListener {
    void sent(long index, long intendedNanos, long lagNanos);
  }

  /**
   * What a run did.
   *
   * @param sent requests whose send returned without an exception
   * @param failed requests whose send threw
   * @param firstIntendedNanos the intended time of request 0
   * @param lastCompletedNanos when the last send returned
   * @param stoppedEarly true if the stop condition ended the run before the schedule did
   */
  public record Result(long sent, long failed, long firstIntendedNanos, long lastCompletedNanos,
      boolean stoppedEarly) {

    /** Requests sent per second, from the first intended time to the last completion. */
    public double achievedRatePerSecond(double periodSeconds) {
      double elapsedSeconds = (lastCompletedNanos - firstIntendedNanos) / 1e9 + periodSeconds;
      return elapsedSeconds > 0 ? (sent + failed) / elapsedSeconds : 0.0;
    }
  }

  private final Clock clock;

  public OpenLoopDriver(Clock clock) {
    this.clock = clock;
  }

  /**
   * Runs the schedule to its end, or until {@code stop} returns true (checked before each request).
   * An exception from {@code send} counts as failed and does not stop the run.
   */
  public Result run(OpenLoopSchedule schedule, Send send, LagListener listener, BooleanSupplier stop)
      throws InterruptedException {
    long sent = 0;
    long failed = 0;
    long lastCompleted = schedule.startNanos();
    for (long i = 0; i < schedule.count(); i++) {
      if (stop.getAsBoolean()) {
        return new Result(sent, failed, schedule.startNanos(), lastCompleted, true);
      }
      long intended = schedule.intendedNanos(i);
      clock.sleepUntil(intended);
      try {
        send.send(i, intended);
        sent++;
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        failed++;
      }
      lastCompleted = clock.nanoTime();
      listener.sent(i, intended, lastCompleted - intended);
    }
    return new Result(sent, failed, schedule.startNanos(), lastCompleted, false);
  }
}
