package org.leain.training.efficiency;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A mean with a percentile-bootstrap confidence interval.
 *
 * @param mean the sample mean
 * @param lower lower end of the interval
 * @param upper upper end of the interval
 * @param level the interval's confidence level, e.g. 0.9
 * @param n number of values
 */
public record MeanInterval(double mean, double lower, double upper, double level, int n) {

  /** Resamples used by {@link #of}. */
  public static final int RESAMPLES = 2000;

  /**
   * The mean of finite values with its {@code level} percentile-bootstrap interval ({@link
   * #RESAMPLES} resamples, deterministic for the seed). Passing per-event differences of two
   * models gives the paired interval of their mean difference.
   */
  public static MeanInterval of(double[] values, double level, long seed) {
    if (values.length == 0 || !(level > 0 && level < 1)) {
      throw new IllegalArgumentException("Expected values and a level in (0, 1). Actual: "
          + values.length + " values, level " + level);
    }
    double sum = 0;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("Expected finite values. Actual: " + v);
      }
      sum += v;
    }
    int n = values.length;
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[RESAMPLES];
    for (int b = 0; b < RESAMPLES; b++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += values[random.nextInt(n)];
      }
      means[b] = s / n;
    }
    Arrays.sort(means);
    double tail = (1 - level) / 2;
    return new MeanInterval(sum / n, quantile(means, tail), quantile(means, 1 - tail), level, n);
  }

  /** The p-quantile of sorted values by linear interpolation. */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
