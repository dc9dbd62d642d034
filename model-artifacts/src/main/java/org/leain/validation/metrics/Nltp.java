package org.leain.validation.metrics;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Negative log true-parameter probability, NLTP = -E[log q(theta* | x)] over test events drawn from
 * the prior and the simulator. Its difference between two models equals the difference of their
 * expected KL divergences from the true posterior (the entropy term cancels), so it ranks models
 * without MCMC (Papamakarios and Murray 2016; Green et al. 2020).
 */
public final class Nltp {

  /** The mean and a percentile-bootstrap 95% interval. */
  public record Result(double mean, double lower95, double upper95, int n) {}

  private Nltp() {}

  public static Result of(List<EventDraws> events, int bootstrapResamples, long seed) {
    double[] values = new double[events.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = -events.get(i).logqTrue();
    }
    return ofValues(values, bootstrapResamples, seed);
  }

  /** NLTP of per-event values -log q(theta* | x), which must be finite. */
  public static Result ofValues(double[] negativeLogProb, int bootstrapResamples, long seed) {
    int n = negativeLogProb.length;
    if (n == 0 || bootstrapResamples < 100) {
      throw new IllegalArgumentException("Expected >= 1 event and >= 100 bootstrap resamples. Actual: " + n + ", "
          + bootstrapResamples);
    }
    for (double v : negativeLogProb) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("Expected finite -log q(theta*). Actual: " + v
            + " (the model gives zero density to a true parameter)");
      }
    }
    double mean = mean(negativeLogProb);
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[bootstrapResamples];
    for (int b = 0; b < bootstrapResamples; b++) {
      double s = 0;
      for (int i = 0; i < n; i++) {
        s += negativeLogProb[random.nextInt(n)];
      }
      means[b] = s / n;
    }
    java.util.Arrays.sort(means);
    return new Result(mean, quantile(means, 0.025), quantile(means, 0.975), n);
  }

  static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** The median of unsorted values (NaN when there are none); the input is not changed. */
  public static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return quantile(sorted, 0.5);
  }

  /** The p-quantile of sorted values by linear interpolation (numpy's default). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
