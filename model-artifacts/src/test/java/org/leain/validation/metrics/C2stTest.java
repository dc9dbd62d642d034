package org.leain.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class C2stTest {

  private static double[][] normal(int n, double shift, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][2];
    for (int i = 0; i < n; i++) {
      x[i][0] = shift + ConjugateGaussian.gaussian(r);
      x[i][1] = ConjugateGaussian.gaussian(r);
    }
    return x;
  }

  @Test
  void c2st_ofTwoSamplesOfOneDistribution_isAboutOneHalf() {
    C2st c = C2st.of(normal(1000, 0, 1), normal(1000, 0, 2), 3);
    // 2,000 held-out predictions: binomial error 1.1%.
    assertEquals(0.5, c.accuracy(), 0.05);
    assertEquals(5, c.foldAccuracies().length);
  }

  /** N(0, 1) vs N(1, 1): the Bayes classifier thresholds at 1/2, accuracy Phi(1/2) = 0.6915. */
  @Test
  void c2st_ofUnitShiftedGaussians_approachesTheBayesAccuracy() {
    C2st c = C2st.of(normal(1000, 0, 1), normal(1000, 1, 2), 3);
    assertEquals(0.6915, c.accuracy(), 0.04);
  }

  @Test
  void c2st_ofDisjointSets_isNearlyOne() {
    C2st c = C2st.of(normal(500, 0, 1), normal(500, 8, 2), 3);
    assertTrue(c.accuracy() > 0.99, "accuracy " + c.accuracy());
  }
}
