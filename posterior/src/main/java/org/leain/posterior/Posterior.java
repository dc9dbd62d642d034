package org.leain.posterior;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leain.posterior.head.GaussianMixture;
import org.leain.posterior.head.ParameterBox;

/**
 * The posterior of one event: a Gaussian mixture in u-space mapped into the prior box. The density
 * in theta-space is exact (Jacobian of the bounded transform applied) and every sample lies inside
 * the prior. Immutable and thread-safe.
 */
public final class Posterior {

  /** Samples used by {@link #summaries()}. */
  public static final int SUMMARY_SAMPLES = 1000;
  /** Seed used by {@link #summaries()}, so summaries are reproducible. */
  public static final long SUMMARY_SEED = 20240611L;

  private final ParameterBox box;
  private final GaussianMixture mixture;
  private final List<String> modalities;
  private final List<String> warnings;

  public Posterior(ParameterBox box, GaussianMixture mixture, List<String> modalities) {
    this(box, mixture, modalities, List.of());
  }

  /** With {@code warnings}: reasons not to trust this posterior (see {@link FrameCheck}). */
  public Posterior(ParameterBox box, GaussianMixture mixture, List<String> modalities, List<String> warnings) {
    if (box.dimension() != mixture.dimension()) {
      throw new IllegalArgumentException("Expected a mixture of dimension " + box.dimension()
          + ". Actual: " + mixture.dimension());
    }
    this.box = box;
    this.mixture = mixture;
    this.modalities = List.copyOf(modalities);
    this.warnings = List.copyOf(warnings);
  }

  /** Why this posterior should not be trusted (empty when nothing was flagged). */
  public List<String> warnings() {
    return warnings;
  }

  /** Names of the parameters, in the order of theta. */
  public List<String> parameterNames() {
    return box.parameters().stream().map(ParameterBox.Parameter::name).toList();
  }

  /** The modalities the network saw: "sed" and, if a strain was given, "gw". */
  public List<String> modalities() {
    return modalities;
  }

  /** Exact ln q(theta | x) in theta-space; -infinity outside the (open) prior box. */
  public double logDensity(double[] theta) {
    if (!box.isInside(theta)) {
      return Double.NEGATIVE_INFINITY;
    }
    return mixture.logDensity(box.toUnbounded(theta)) + box.logAbsJacobian(theta);
  }

  /** n samples [n][D] in theta-space, reproducible for a given seed. */
  public double[][] samples(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("Expected n >= 1. Actual: " + n);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[][] out = new double[n][];
    for (int s = 0; s < n; s++) {
      out[s] = box.toBounded(mixture.sample(random));
    }
    return out;
  }

  /** Summaries from {@value #SUMMARY_SAMPLES} samples with the fixed seed {@link #SUMMARY_SEED}. */
  public List<ParameterSummary> summaries() {
    return summaries(SUMMARY_SAMPLES, SUMMARY_SEED);
  }

  /** Per-parameter mean, std, median and 5/16/84/95 percentiles from n seeded samples. */
  public List<ParameterSummary> summaries(int n, long seed) {
    return summarise(samples(n, seed));
  }

  /** Per-parameter summaries of given samples [n][D]. */
  public List<ParameterSummary> summarise(double[][] samples) {
    int n = samples.length;
    List<ParameterSummary> out = new ArrayList<>();
    double[] column = new double[n];
    for (int i = 0; i < box.dimension(); i++) {
      double sum = 0;
      for (int s = 0; s < n; s++) {
        column[s] = samples[s][i];
        sum += column[s];
      }
      double mean = sum / n;
      double var = 0;
      for (int s = 0; s < n; s++) {
        var += (column[s] - mean) * (column[s] - mean);
      }
      Arrays.sort(column);
      ParameterBox.Parameter p = box.parameters().get(i);
      out.add(new ParameterSummary(p.name(), p.unit(), mean, Math.sqrt(var / Math.max(1, n - 1)),
          quantile(column, 0.5), quantile(column, 0.05), quantile(column, 0.16),
          quantile(column, 0.84), quantile(column, 0.95)));
    }
    return out;
  }

  /** Linear interpolation between order statistics (type 7, as numpy's default). */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** The mixture in u-space (weights, means, covariance Cholesky factors). */
  public MixtureParameters mixture() {
    return new MixtureParameters(parameterNames(), mixture.weights(), mixture.means(),
        mixture.covarianceCholesky());
  }
}
