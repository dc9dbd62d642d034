package org.leain.validation.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EnsembleSamplerTest {

  /** Tolerance in standard errors for a Monte Carlo estimate (27 checks per Gaussian run). */
  private static final double Z = 4.5;

  static final Targets.CorrelatedGaussian GAUSSIAN_6D = Targets.CorrelatedGaussian.ar1(
      new double[] {1, -2, 0.5, 3, 0, -1}, new double[] {1, 2, 0.5, 1.5, 1, 3}, 0.8);

  @Test
  void correlatedGaussian_meanAndCovariance_areWithinMonteCarloErrorOfTheTruth() {
    McmcResult r = EnsembleSampler.run(GAUSSIAN_6D, GAUSSIAN_6D.box(10), McmcConfig.defaults(6), 42);
    assertTrue(r.converged(), "converged: " + r);
    assertEquals(StopReason.CONVERGED, r.stopReason());
    double n = r.minEffectiveSampleSize();
    assertTrue(n > 1000, "n_eff " + n);
    double[] mean = Targets.mean(r.samples());
    double[][] cov = Targets.covariance(r.samples());
    double[][] truth = GAUSSIAN_6D.cov();
    for (int i = 0; i < 6; i++) {
      assertEquals(GAUSSIAN_6D.mean()[i], mean[i], Z * Math.sqrt(truth[i][i] / n), "mean " + i);
      for (int j = 0; j <= i; j++) {
        double se = Math.sqrt((truth[i][i] * truth[j][j] + truth[i][j] * truth[i][j]) / n);
        assertEquals(truth[i][j], cov[i][j], Z * se, "cov " + i + "," + j);
      }
    }
    assertTrue(r.acceptanceFraction() > 0.2 && r.acceptanceFraction() < 0.7, "acceptance " + r.acceptanceFraction());
    assertTrue(r.maxRhat() < 1.01);
  }

  @Test
  void chainLength_afterBurnIn_exceedsFiftyAutocorrelationTimes() {
    McmcResult r = EnsembleSampler.run(GAUSSIAN_6D, GAUSSIAN_6D.box(10), McmcConfig.defaults(6), 7);
    for (double tau : r.tauSteps()) {
      assertTrue(r.stepsPerRun() - r.burnInSteps() > 50 * tau, "tau " + tau + " steps " + r.stepsPerRun());
    }
    assertEquals((int) Math.ceil(java.util.Arrays.stream(r.tauSteps()).max().orElseThrow()), r.thin());
    int keptPerWalker = (r.stepsPerRun() - r.burnInSteps() + r.thin() - 1) / r.thin();
    assertEquals(keptPerWalker * r.walkers(), r.samples().length);
  }

  @Test
  void banana_marginalMoments_matchTheTwistedGaussianAnalytically() {
    Targets.Banana banana = new Targets.Banana(0.03, 10);
    BoxBounds box = new BoxBounds(new double[] {-70, -30}, new double[] {70, 150});
    McmcResult r = EnsembleSampler.run(banana, box, McmcConfig.defaults(2).withWalkers(24), 3);
    assertTrue(r.converged(), "converged: " + r);
    double n = r.minEffectiveSampleSize();
    double[] mean = Targets.mean(r.samples());
    double[][] cov = Targets.covariance(r.samples());
    double var2 = banana.varianceY2();
    assertEquals(0, mean[0], Z * 10 / Math.sqrt(n));
    assertEquals(0, mean[1], Z * Math.sqrt(var2 / n));
    assertEquals(100, cov[0][0], Z * 100 * Math.sqrt(2 / n));
    // Var of the sample variance of y2 is (E y2^4 - Var^2) / n: the twist makes y2 heavy-tailed.
    assertEquals(var2, cov[1][1], Z * Math.sqrt((banana.fourthMomentY2() - var2 * var2) / n));
    assertTrue(cov[1][1] > 5 * 1, "the twist must widen y2 well beyond the untwisted variance 1");
    assertEquals(0, cov[0][1], Z * Math.sqrt(100 * var2 / n));
  }

  @Test
  void bimodalMixture_withParallelTempering_findsBothModesWithTheirWeights() {
    Targets.Mixture mixture = new Targets.Mixture(0.3, 4, 0.5);
    BoxBounds box = BoxBounds.cube(2, -10, 10);
    McmcConfig config = McmcConfig.defaults(2).withWalkers(16).withTempering(8, 0.01);
    McmcResult r = EnsembleSampler.run(mixture, box, config, 5);
    assertTrue(r.stepsPerRun() - r.burnInSteps() > 50 * r.tauSteps()[0]);
    double left = 0;
    for (double[] s : r.samples()) {
      left += s[0] < 0 ? 1 : 0;
    }
    left /= r.samples().length;
    double n = r.effectiveSampleSize()[0];
    assertEquals(0.3, left, Z * Math.sqrt(0.3 * 0.7 / n), "left-mode weight with n_eff " + n);
    assertTrue(r.swapAcceptanceFraction() > 0.1, "swap acceptance " + r.swapAcceptanceFraction());
    assertTrue(r.converged());
  }

  @Test
  void bimodalMixture_independentRunsWithoutTempering_areFlaggedByRhat() {
    Targets.Mixture mixture = new Targets.Mixture(0.5, 4, 0.5);
    BoxBounds box = BoxBounds.cube(2, -10, 10);
    McmcConfig config = McmcConfig.defaults(2).withWalkers(8).withRuns(8, 1);
    McmcResult r = EnsembleSampler.run(mixture, box, config, 9);
    assertTrue(r.rHat()[0] > 1.1, "R-hat of x0: " + r.rHat()[0]);
    assertFalse(r.converged());
  }

  @Test
  void unimodalGaussian_independentRuns_agreeByRhat() {
    McmcConfig config = McmcConfig.defaults(6).withRuns(3, 2);
    McmcResult r = EnsembleSampler.run(GAUSSIAN_6D, GAUSSIAN_6D.box(10), config, 13);
    assertTrue(r.maxRhat() < 1.01, "R-hat " + java.util.Arrays.toString(r.rHat()));
    assertTrue(r.converged());
  }

  @Test
  void sameSeed_givesIdenticalSamples_inParallelAndSerial() {
    McmcConfig config = McmcConfig.defaults(6).withCaps(400, Duration.ofMinutes(1));
    McmcResult a = EnsembleSampler.run(GAUSSIAN_6D, GAUSSIAN_6D.box(10), config.withParallel(true), 21);
    McmcResult b = EnsembleSampler.run(GAUSSIAN_6D, GAUSSIAN_6D.box(10), config.withParallel(false), 21);
    assertEquals(a.samples().length, b.samples().length);
    for (int i = 0; i < a.samples().length; i++) {
      assertArrayEquals(a.samples()[i], b.samples()[i], 0.0);
    }
    assertEquals(StopReason.MAX_STEPS, a.stopReason());
    assertFalse(a.converged());
  }

  @Test
  void wallTimeCap_stopsTheRun_andIsReported() {
    LogDensity slow = new LogDensity() {
      @Override
      public double logDensity(double[] x) {
        long until = System.nanoTime() + 200_000;
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        return GAUSSIAN_6D.logDensity(x);
      }

      @Override
      public int dimension() {
        return 6;
      }
    };
    McmcConfig config = McmcConfig.defaults(6).withCaps(100_000, Duration.ofMillis(1500));
    McmcResult r = EnsembleSampler.run(slow, GAUSSIAN_6D.box(10), config, 1);
    assertEquals(StopReason.WALL_TIME_CAP, r.stopReason());
    assertFalse(r.converged());
    assertTrue(r.wallTimeSeconds() < 3.0, "wall time " + r.wallTimeSeconds());
  }

  @Test
  void tooFewWalkers_areRejected() {
    McmcConfig config = McmcConfig.defaults(6).withWalkers(10);
    assertThrows(IllegalArgumentException.class,
        () -> EnsembleSampler.run(GAUSSIAN_6D, GAUSSIAN_6D.box(10), config, 1));
  }
}
