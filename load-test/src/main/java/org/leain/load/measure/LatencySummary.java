package org.leain.load.measure;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one latency histogram, in milliseconds; NaN when it is empty.
 *
 * @param count number of values
 */
public record LatencySummary(long count, double p50Ms, double p99Ms, double p999Ms, double maxMs) {

  /** From a histogram of microseconds. */
  public static LatencySummary of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new LatencySummary(micros.getTotalCount(),
        micros.getValueAtPercentile(50.0) / 1000.0,
        micros.getValueAtPercentile(99.0) / 1000.0,
        micros.getValueAtPercentile(99.9) / 1000.0,
        micros.getMaxValue() / 1000.0);
  }
}
