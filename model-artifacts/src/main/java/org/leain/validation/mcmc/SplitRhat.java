package org.leain.validation.mcmc;

import java.util.Arrays;

/**
 * The rank-normalised split R-hat of Vehtari, Gelman, Simpson, Carpenter and Buerkner (2021,
 * Bayesian Analysis 16, 667): every chain is split in half, the pooled draws are replaced by the
 * normal scores of their ranks, and the Gelman-Rubin potential scale reduction is computed on them
 * ("bulk") and on the rank-normalised distances from the median ("tail", folded); the larger is
 * reported. Values above ~1.01 mean the chains have not mixed (for LEAIN: runs stuck in different
 * redshift modes).
 */
public final class SplitRhat {

  private SplitRhat() {}

  /**
   * R-hat of one parameter over chains of equal length >= 4.
   *
   * @param chains {@code [chain][draw]}
   */
  public static double of(double[][] chains) {
    int m = chains.length;
    int n = chains[0].length;
    if (n < 4) {
      throw new IllegalArgumentException("Expected chains of at least 4 draws. Actual: " + n);
    }
    for (double[] c : chains) {
      if (c.length != n) {
        throw new IllegalArgumentException("Expected chains of equal length " + n + ". Actual: " + c.length);
      }
    }
    int half = n / 2;
    double[][] split = new double[2 * m][];
    for (int c = 0; c < m; c++) {
      // An odd middle draw is dropped, as in Vehtari et al.
      split[2 * c] = Arrays.copyOfRange(chains[c], 0, half);
      split[2 * c + 1] = Arrays.copyOfRange(chains[c], n - half, n);
    }
    double bulk = classicRhat(rankNormalise(split));
    double median = median(split);
    double[][] folded = new double[split.length][half];
    for (int c = 0; c < split.length; c++) {
      for (int i = 0; i < half; i++) {
        folded[c][i] = Math.abs(split[c][i] - median);
      }
    }
    double tail = classicRhat(rankNormalise(folded));
    return Math.max(bulk, tail);
  }

  /** The Gelman-Rubin (1992) potential scale reduction of chains of equal length. */
  static double classicRhat(double[][] chains) {
    int m = chains.length;
    int n = chains[0].length;
    double[] means = new double[m];
    double grand = 0;
    double within = 0;
    for (int c = 0; c < m; c++) {
      double s = 0;
      for (double v : chains[c]) {
        s += v;
      }
      means[c] = s / n;
      grand += means[c];
      double ss = 0;
      for (double v : chains[c]) {
        ss += (v - means[c]) * (v - means[c]);
      }
      within += ss / (n - 1);
    }
    grand /= m;
    within /= m;
    double between = 0;
    for (double mu : means) {
      between += (mu - grand) * (mu - grand);
    }
    between *= (double) n / (m - 1);
    if (within == 0) {
      return between == 0 ? 1.0 : Double.POSITIVE_INFINITY;
    }
    double varPlus = (n - 1.0) / n * within + between / n;
    return Math.sqrt(varPlus / within);
  }

  /** Normal scores Phi^-1((r - 3/8) / (S + 1/4)) of the pooled ranks r (ties get their average rank). */
  static double[][] rankNormalise(double[][] chains) {
    int m = chains.length;
    int n = chains[0].length;
    int total = m * n;
    double[] values = new double[total];
    int[] index = new int[total];
    for (int c = 0; c < m; c++) {
      for (int i = 0; i < n; i++) {
        values[c * n + i] = chains[c][i];
      }
    }
    Integer[] order = new Integer[total];
    for (int i = 0; i < total; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    for (int i = 0; i < total; i++) {
      index[i] = order[i];
    }
    double[] rank = new double[total];
    for (int i = 0; i < total; ) {
      int j = i;
      while (j + 1 < total && values[index[j + 1]] == values[index[i]]) {
        j++;
      }
      double average = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        rank[index[k]] = average;
      }
      i = j + 1;
    }
    double[][] z = new double[m][n];
    for (int c = 0; c < m; c++) {
      for (int i = 0; i < n; i++) {
        z[c][i] = NormalDistribution.quantile((rank[c * n + i] - 0.375) / (total + 0.25));
      }
    }
    return z;
  }

  private static double median(double[][] chains) {
    double[] all = Arrays.stream(chains).flatMapToDouble(Arrays::stream).sorted().toArray();
    int k = all.length;
    return k % 2 == 1 ? all[k / 2] : 0.5 * (all[k / 2 - 1] + all[k / 2]);
  }
}
