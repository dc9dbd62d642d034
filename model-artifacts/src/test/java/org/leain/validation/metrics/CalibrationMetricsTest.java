package org.leain.validation.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leain.validation.mcmc.BoxBounds;

/**
 * Coverage, expected coverage, TARP and SBC on the conjugate Gaussian model, whose exact posterior
 * is known: the exact posterior must pass, an over-confident (k = 0.5) and an under-confident
 * (k = 2) one must be flagged, each in its own direction.
 */
class CalibrationMetricsTest {

  private static final int N = 2000;
  private static final int D = 3;
  /** L = 99 draws: ranks 0..99 fall evenly into 20 SBC bins. */
  private static final int DRAWS = 99;

  private static List<EventDraws> exact;
  private static List<EventDraws> over;
  private static List<EventDraws> under;
  private static final BoxBounds BOX = BoxBounds.cube(D, -5, 5);

  @BeforeAll
  static void draw() {
    List<ConjugateGaussian.Event> events = ConjugateGaussian.events(N, D, 1);
    exact = ConjugateGaussian.draws(events, 1, DRAWS, 100);
    over = ConjugateGaussian.draws(events, 0.5, DRAWS, 100);
    under = ConjugateGaussian.draws(events, 2, DRAWS, 100);
  }

  @Test
  void centralNinetyPercentCoverage_ofTheExactPosterior_isNinetyPercentWithinBinomialError() {
    IntervalCoverage c = IntervalCoverage.of(exact, 0.9);
    assertEquals(Math.sqrt(0.09 / N), c.binomialStandardError(), 1e-12);
    for (double p : c.perParameter()) {
      // 99 draws put the empirical 5%/95% quantiles slightly inside the true ones: ~0.6% less coverage.
      assertEquals(0.9, p, 4 * c.binomialStandardError() + 0.01);
    }
  }

  @Test
  void centralNinetyPercentCoverage_flagsOverAndUnderConfidence() {
    // Analytic: P(|z| < 1.645 k) = 0.589 for k = 0.5 and 0.999 for k = 2.
    assertEquals(0.589, IntervalCoverage.of(over, 0.9).mean(), 0.04);
    assertEquals(0.999, IntervalCoverage.of(under, 0.9).mean(), 0.01);
  }

  @Test
  void expectedCoverageCurve_ofTheExactPosterior_followsTheDiagonal() {
    CoverageCurve c = CoverageCurve.of(exact, CoverageCurve.standardLevels());
    // 19 levels, binomial error <= 1.1%, plus 1% from ranking among 99 draws.
    assertTrue(c.maxAbsDeviation() < 0.045, "max deviation " + c.maxAbsDeviation());
  }

  @Test
  void expectedCoverageCurve_liesBelowTheDiagonalWhenOverConfident_andAboveWhenUnderConfident() {
    CoverageCurve o = CoverageCurve.of(over, CoverageCurve.standardLevels());
    CoverageCurve u = CoverageCurve.of(under, CoverageCurve.standardLevels());
    for (int k = 1; k < o.levels().length - 1; k++) {
      assertTrue(o.coverage()[k] < o.levels()[k] - 0.05, "over at " + o.levels()[k] + ": " + o.coverage()[k]);
      assertTrue(u.coverage()[k] > u.levels()[k] + 0.05, "under at " + u.levels()[k] + ": " + u.coverage()[k]);
    }
  }

  @Test
  void tarp_ofTheExactPosterior_isUniform_andFlagsMiscalibrationWithTheRightSign() {
    Tarp e = Tarp.of(exact, BOX, 50, 7);
    Tarp o = Tarp.of(over, BOX, 50, 7);
    Tarp u = Tarp.of(under, BOX, 50, 7);
    assertTrue(e.ksPValue() > 1e-3, "exact KS p " + e.ksPValue());
    assertTrue(Math.abs(e.atc()) < 0.5, "exact ATC " + e.atc());
    assertTrue(o.ksPValue() < 1e-6 && o.atc() < -1, "over: " + o.atc() + ", p " + o.ksPValue());
    assertTrue(u.ksPValue() < 1e-6 && u.atc() > 1, "under: " + u.atc() + ", p " + u.ksPValue());
  }

  @Test
  void sbcRanks_areUniformForTheExactPosterior_andUShapedWhenOverConfident() {
    SbcRanks e = SbcRanks.of(exact, 20);
    SbcRanks o = SbcRanks.of(over, 20);
    SbcRanks u = SbcRanks.of(under, 20);
    for (int j = 0; j < D; j++) {
      assertEquals(N, java.util.Arrays.stream(e.histograms()[j]).sum());
      assertTrue(e.pValue()[j] > 1e-3, "exact p " + e.pValue()[j]);
      assertTrue(o.pValue()[j] < 1e-6 && u.pValue()[j] < 1e-6);
      int[] h = o.histograms()[j];
      assertTrue(h[0] > 2 * h[10] && h[19] > 2 * h[10], "U shape " + java.util.Arrays.toString(h));
      int[] g = u.histograms()[j];
      assertTrue(g[10] > 2 * g[0] && g[10] > 2 * g[19], "hump " + java.util.Arrays.toString(g));
    }
  }

  @Test
  void chiSquareSurvival_matchesTabulatedCriticalValues() {
    // Critical values of chi-square: 19 dof at 5% is 30.1435; 2 dof: exp(-x/2) exactly.
    assertEquals(0.05, ChiSquareDistribution.survival(30.1435, 19), 1e-4);
    assertEquals(Math.exp(-1.7), ChiSquareDistribution.survival(3.4, 2), 1e-12);
    assertEquals(0.01, ChiSquareDistribution.survival(6.634897, 1), 1e-6);
  }

  @Test
  void kolmogorovPValue_matchesTheAsymptoticCriticalValue() {
    // The asymptotic 5% critical value of sqrt(n) D is 1.3581.
    assertEquals(0.05, Tarp.kolmogorovPValue(1.3581 / (Math.sqrt(10_000) + 0.12 + 0.11 / 100), 10_000), 1e-4);
  }
}
