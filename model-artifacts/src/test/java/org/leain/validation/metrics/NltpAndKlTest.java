package org.leain.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leain.validation.mcmc.LogDensity;

class NltpAndKlTest {

  private static final int D = 3;

  /** E[-log N(theta* | m, s^2 I)] for a calibrated Gaussian posterior: d/2 ln(2 pi s^2) + d/2. */
  private static double exactNltp() {
    return D / 2.0 * Math.log(2 * Math.PI * 0.5) + D / 2.0;
  }

  @Test
  void nltp_ofTheExactPosterior_matchesTheAnalyticExpectation_withinItsBootstrapInterval() {
    List<ConjugateGaussian.Event> events = ConjugateGaussian.events(4000, D, 3);
    Nltp.Result r = Nltp.of(ConjugateGaussian.draws(events, 1, 2, 0), 1000, 1);
    double halfWidth = (r.upper95() - r.lower95()) / 2;
    assertTrue(r.lower95() < r.mean() && r.mean() < r.upper95());
    assertEquals(exactNltp(), r.mean(), 2 * halfWidth);
  }

  @Test
  void nltpDifference_betweenModels_isTheirExpectedKlDifference() {
    List<ConjugateGaussian.Event> events = ConjugateGaussian.events(4000, D, 4);
    double exact = Nltp.of(ConjugateGaussian.draws(events, 1, 2, 0), 200, 1).mean();
    for (double k : new double[] {0.5, 2.0}) {
      Nltp.Result r = Nltp.of(ConjugateGaussian.draws(events, k, 2, 0), 200, 1);
      double expected = ConjugateGaussian.kl(D, k);
      // Paired difference over 4,000 events; its spread is below 0.05 nats for these k.
      assertEquals(expected, r.mean() - exact, 0.15, "k = " + k);
    }
  }

  /** log p~ of the exact posterior of one event, with an arbitrary constant (the unknown evidence). */
  private static LogDensity unnormalised(ConjugateGaussian.Event event) {
    EventPosterior p = event.exact();
    return new LogDensity() {
      @Override
      public double logDensity(double[] x) {
        return p.logDensity(x) - 17.25;
      }

      @Override
      public int dimension() {
        return D;
      }
    };
  }

  @Test
  void klEstimate_ofTheExactPosterior_isZero_withFullImportanceEfficiency() {
    ConjugateGaussian.Event event = ConjugateGaussian.events(1, D, 5).get(0);
    double[][] reference = event.exact().sample(5000, 9);
    KlDivergence.Estimate e = KlDivergence.estimate(unnormalised(event), reference, event.exact(), 5000, 10);
    assertEquals(0, e.klNats(), 1e-9);
    assertEquals(1, e.isEfficiency(), 1e-9);
    assertEquals(-17.25, e.logEvidence(), 1e-9);
  }

  /**
   * For p = N(m, s^2) and q = N(m, k^2 s^2) per dimension, KL = d (ln k + 1/(2k^2) - 1/2) and the IS
   * efficiency tends to (sqrt(2 - 1/k^2) / k)^d (finite for k > 1/sqrt 2).
   */
  @Test
  void klEstimate_ofAMisScaledPosterior_matchesTheAnalyticKl_andEfficiency() {
    ConjugateGaussian.Event event = ConjugateGaussian.events(1, D, 6).get(0);
    double[][] reference = event.exact().sample(20_000, 11);
    for (double k : new double[] {0.8, 2.0}) {
      KlDivergence.Estimate e = KlDivergence.estimate(unnormalised(event), reference, event.model(k), 100_000, 12);
      assertEquals(ConjugateGaussian.kl(D, k), e.klNats(), 0.03, "KL for k = " + k);
      double efficiency = Math.pow(Math.sqrt(2 - 1 / (k * k)) / k, D);
      assertEquals(efficiency, e.isEfficiency(), 0.05 * efficiency, "efficiency for k = " + k);
      assertEquals(-17.25, e.logEvidence(), 0.03);
    }
  }
}
