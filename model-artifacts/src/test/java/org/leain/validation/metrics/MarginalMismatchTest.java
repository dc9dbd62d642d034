package org.leain.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Width ratios and offsets of Gaussian draws whose true scales and shifts are known. */
class MarginalMismatchTest {

  private static double[][] gaussian(int n, double[] mean, double[] sd, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[n][mean.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < mean.length; j++) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double g = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
        x[i][j] = mean[j] + sd[j] * g;
      }
    }
    return x;
  }

  @Test
  void aWiderAndShiftedApproximation_givesItsWidthRatioAndOffsetPerParameter() {
    int n = 20_000;
    double[][] p = gaussian(n, new double[] {1, -2, 0}, new double[] {0.1, 2, 1}, 1);
    double[][] q = gaussian(n, new double[] {1.3, -2, 0}, new double[] {1.0, 2, 0.5}, 2);
    MarginalMismatch m = MarginalMismatch.of(p, q);
    // Relative error of a sample sd from 20,000 draws is ~0.5%; of a mean offset ~1/sqrt(n) sd_q / sd_p.
    assertEquals(10.0, m.widthRatio()[0], 0.3);
    assertEquals(1.0, m.widthRatio()[1], 0.03);
    assertEquals(0.5, m.widthRatio()[2], 0.015);
    assertEquals(3.0, m.offsetInReferenceSd()[0], 0.1);
    assertEquals(0.0, m.offsetInReferenceSd()[1], 0.05);
    assertEquals(0.0, m.offsetInReferenceSd()[2], 0.05);
    // Independent draws: ln of the product of the width ratios, ln(10 x 1 x 0.5) = 1.609.
    assertEquals(Math.log(5), m.logVolumeRatio(), 0.04);
  }

  @Test
  void logVolumeRatio_seesCorrelation_thatTheMarginalsCannot() {
    int n = 20_000;
    double[][] p = gaussian(n, new double[] {0, 0}, new double[] {1, 1}, 5);
    double[][] q = new double[n][];
    for (int i = 0; i < n; i++) {
      // y = 0.6 x + 0.8 e: unit marginals, correlation 0.6, det = 1 - 0.36 = 0.64.
      q[i] = new double[] {p[i][0], 0.6 * p[i][0] + 0.8 * p[(i + 1) % n][1]};
    }
    MarginalMismatch m = MarginalMismatch.of(p, q);
    assertEquals(1.0, m.widthRatio()[1], 0.03);
    assertEquals(0.5 * Math.log(0.64), m.logVolumeRatio(), 0.03);
  }

  @Test
  void drawsOfDifferentDimension_areRefusedWithBothDimensions() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MarginalMismatch.of(new double[3][2], new double[3][3]));
    assertEquals("Expected draws of dimension 2. Actual: 3", e.getMessage());
  }
}
