package org.leain.sky.skymap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leain.sky.testdata.TestData;

/** The closed-form ansatz moments against scipy quadrature (make_distance_vectors.py). */
class DistanceAnsatzTest {

  @Test
  void moments_equalNumericalQuadrature_forMuOverSigmaFromMinus3To40() {
    for (String[] v : TestData.csvResource("skymap/distance_moments.csv")) {
      double mu = Double.parseDouble(v[0]);
      double sigma = Double.parseDouble(v[1]);
      DistanceAnsatz.Moments m = DistanceAnsatz.moments(mu, sigma);
      String at = "mu " + mu + " sigma " + sigma;
      assertEquals(Double.parseDouble(v[2]), m.meanMpc(), 1e-10 * Double.parseDouble(v[2]), "mean " + at);
      assertEquals(Double.parseDouble(v[3]), m.stdMpc(), 1e-8 * Double.parseDouble(v[3]), "std " + at);
      assertEquals(Double.parseDouble(v[4]), m.normPerMpc2(), 1e-10 * Double.parseDouble(v[4]), "norm " + at);
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NaN})
  void undefinedDistmu_givesNaNMoments_andZeroDensity(double mu) {
    DistanceAnsatz.Moments m = DistanceAnsatz.moments(mu, 1.0);
    assertTrue(Double.isNaN(m.meanMpc()) && Double.isNaN(m.stdMpc()) && Double.isNaN(m.normPerMpc2()));
    assertEquals(0.0, DistanceAnsatz.densityPerMpc(40, mu, 1.0, 0.0), 0);
  }

  @Test
  void density_integratesToOne_withTheComputedNorm() {
    double mu = 38.6;
    double sigma = 8.2;
    double norm = DistanceAnsatz.moments(mu, sigma).normPerMpc2();
    double sum = 0;
    double dr = 0.001;
    for (double r = dr / 2; r < mu + 20 * sigma; r += dr) {
      sum += DistanceAnsatz.densityPerMpc(r, mu, sigma, norm) * dr;
    }
    assertEquals(1.0, sum, 1e-9);
  }

  /** Reference values from scipy.special.erfc (Debian python3-scipy). */
  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"0.1, 0.8875370839817152", "0.5, 0.4795001221869535", "1.0, 0.15729920705028516", "1.49, 0.035102135156795784", "1.5, 0.03389485352468927", "2.0, 0.004677734981047266", "3.0, 2.2090496998585445e-05", "5.0, 1.5374597944280347e-12", "10.0, 2.0884875837625446e-45", "-0.5, 1.5204998778130465", "-2.0, 1.9953222650189528"})
  void erfc_matchesScipy_within1e13Relative(double z, double expected) {
    assertEquals(expected, Gaussian.erfc(z), 1e-13 * expected);
  }
}
