package org.leain.validation.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitRhatTest {

  private static double[][] normalChains(int m, int n, long seed, double... offsets) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] c = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        c[i][j] = offsets[i % offsets.length]
            + Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
      }
    }
    return c;
  }

  @Test
  void rHat_ofIndependentChainsOfOneDistribution_isBelowOnePointZeroOne() {
    assertTrue(SplitRhat.of(normalChains(8, 1000, 1, 0.0)) < 1.01);
  }

  @Test
  void rHat_ofChainsInTwoModes_isFarAboveOne() {
    assertTrue(SplitRhat.of(normalChains(8, 500, 2, -4.0, 4.0)) > 1.5);
  }

  @Test
  void rHat_ofChainsThatDriftWithinTheRun_isFlaggedBySplitting() {
    // Every chain identical in distribution overall, but each half sits elsewhere: only the split sees it.
    double[][] c = normalChains(4, 1000, 3, 0.0);
    for (double[] chain : c) {
      for (int j = 0; j < chain.length / 2; j++) {
        chain[j] += 3;
      }
    }
    assertTrue(SplitRhat.of(c) > 1.2);
  }

  @Test
  void rHat_ofChainsDifferingOnlyInScale_isFlaggedByTheFoldedTail() {
    double[][] c = normalChains(4, 2000, 4, 0.0);
    for (int j = 0; j < c[0].length; j++) {
      c[0][j] *= 3;
    }
    assertTrue(SplitRhat.of(c) > 1.05);
  }

  @Test
  void normalQuantile_matchesTabulatedValues() {
    assertEquals(1.6448536269514722, NormalDistribution.quantile(0.95), 1e-8);
    assertEquals(-2.3263478740408408, NormalDistribution.quantile(0.01), 1e-8);
    assertEquals(0.0, NormalDistribution.quantile(0.5), 1e-12);
    assertEquals(0.975, NormalDistribution.cdf(1.959963984540054), 1e-7);
  }
}
