package org.leain.load.measure;

import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;
import org.leain.contracts.PosteriorTimings;

/**
 * End-to-end and per-stage latency histograms, in microseconds.
 *
 * <p>Contract: {@link #recordEndToEnd} and {@link #recordStages} may be called from one thread
 * while another calls {@link #takeInterval} once per interval (HdrHistogram's {@link Recorder}
 * swaps histograms without blocking the recording thread). Every value recorded ends up in exactly
 * one interval and in {@link #endToEnd()} after the last {@link #takeInterval}.
 */
public final class LatencyRecorder {

  /** Up to an hour, 3 significant digits: 0.1% resolution at any latency. */
  static final long HIGHEST_TRACKABLE_MICROS = 3_600_000_000L;
  static final int SIGNIFICANT_DIGITS = 3;
  /** Values in microseconds; the log tools divide by this to show milliseconds. */
  static final double LOG_UNIT_RATIO = 1000.0;

  private final Recorder endToEndRecorder = new Recorder(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
  private final Histogram endToEnd = newHistogram();
  private final Map<Stage, Histogram> stages = new EnumMap<>(Stage.class);
  private final HistogramLogWriter logWriter;
  private Histogram recycled;

  /** @param intervalLog where interval histograms go in HdrHistogram's log format; null for none */
  public LatencyRecorder(PrintStream intervalLog, long startWallMs) {
    for (Stage stage : Stage.values()) {
      stages.put(stage, newHistogram());
    }
    if (intervalLog != null) {
      logWriter = new HistogramLogWriter(intervalLog);
      logWriter.outputComment("LEAIN load test: end-to-end latency, microseconds (unit ratio 1000 -> ms)");
      logWriter.outputLogFormatVersion();
      logWriter.setBaseTime(startWallMs);
      logWriter.outputStartTime(startWallMs);
      logWriter.outputBaseTime(startWallMs);
      logWriter.outputLegend();
    } else {
      logWriter = null;
    }
  }

  static Histogram newHistogram() {
    return new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
  }

  /** Records one end-to-end latency (clamped to the trackable range). */
  public void recordEndToEnd(long micros) {
    endToEndRecorder.recordValue(Math.min(Math.max(micros, 0), HIGHEST_TRACKABLE_MICROS));
  }

  /** Records one posterior's stage durations. */
  public synchronized void recordStages(PosteriorTimings timings, long intendedWallMs, long visibleWallMs) {
    for (Stage stage : Stage.values()) {
      long micros = 1000 * stage.durationMs(timings, intendedWallMs, visibleWallMs);
      stages.get(stage).recordValue(Math.min(micros, HIGHEST_TRACKABLE_MICROS));
    }
  }

  /**
   * Ends the current interval: returns its end-to-end histogram (valid until the next call), adds
   * it to the total and writes it to the interval log.
   */
  public synchronized Histogram takeInterval() {
    Histogram interval = endToEndRecorder.getIntervalHistogram(recycled);
    recycled = interval;
    endToEnd.add(interval);
    if (logWriter != null) {
      logWriter.outputIntervalHistogram(interval.getStartTimeStamp() / 1000.0,
          interval.getEndTimeStamp() / 1000.0, interval, LOG_UNIT_RATIO);
    }
    return interval;
  }

  /** All end-to-end values up to the last {@link #takeInterval}. A copy. */
  public synchronized Histogram endToEnd() {
    return endToEnd.copy();
  }

  /** One stage's values so far. A copy. */
  public synchronized Histogram stage(Stage stage) {
    return stages.get(stage).copy();
  }
}
