package org.leain.validation.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AutocorrelationTimeTest {

  /** AR(1) series x_t = rho x_{t-1} + e_t, started in its stationary distribution. */
  private static double[][] ar1(int walkers, int steps, double rho, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[][] x = new double[walkers][steps];
    for (int k = 0; k < walkers; k++) {
      double v = gaussian(random) / Math.sqrt(1 - rho * rho);
      for (int t = 0; t < steps; t++) {
        v = rho * v + gaussian(random);
        x[k][t] = v;
      }
    }
    return x;
  }

  private static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  @Test
  void autocorrelation_byFft_equalsTheDirectSum() {
    double[] x = ar1(1, 300, 0.7, 3)[0];
    double[] fft = AutocorrelationTime.autocorrelation(x);
    double mean = java.util.Arrays.stream(x).average().orElseThrow();
    double c0 = 0;
    for (double v : x) {
      c0 += (v - mean) * (v - mean);
    }
    for (int lag = 0; lag < x.length; lag++) {
      double c = 0;
      for (int t = 0; t + lag < x.length; t++) {
        c += (x[t] - mean) * (x[t + lag] - mean);
      }
      assertEquals(c / c0, fft[lag], 1e-10, "lag " + lag);
    }
  }

  /** The AR(1) integrated time is (1 + rho) / (1 - rho); Sokal's relative error here is ~2%. */
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 0.9, 0.97})
  void integratedTime_ofAr1Process_isOnePlusRhoOverOneMinusRho(double rho) {
    double expected = (1 + rho) / (1 - rho);
    double tau = AutocorrelationTime.integratedTime(ar1(32, 20_000, rho, 11), 5);
    assertEquals(expected, tau, 0.08 * expected);
  }

  @Test
  void integratedTime_ofAnEnsembleChain_equalsEmceeIntegratedTimeOnTheSameChain() throws Exception {
    int walkers = 8;
    int steps = 3000;
    double[][][] perParam = {ar1(walkers, steps, 0.8, 5), ar1(walkers, steps, 0.95, 6)};
    double[][][] chain = new double[steps][walkers][2];
    for (int t = 0; t < steps; t++) {
      for (int k = 0; k < walkers; k++) {
        chain[t][k][0] = perParam[0][k][t];
        chain[t][k][1] = perParam[1][k][t];
      }
    }
    JsonNode answer = EmceeReference.call(Map.of("task", "integrated_time", "chain", chain));
    double[] emcee = {answer.get("tau").get(0).asDouble(), answer.get("tau").get(1).asDouble()};
    double[] ours = {AutocorrelationTime.integratedTime(perParam[0], 5), AutocorrelationTime.integratedTime(perParam[1], 5)};
    assertArrayEquals(emcee, ours, 1e-9 * emcee[1]);
    assertEquals(List.of(2), List.of(answer.get("tau").size()));
  }
}
