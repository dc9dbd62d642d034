package org.leain.validation.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Our sampler against emcee 3.1 (Debian python3-emcee) on the same targets with the same move
 * (stretch, a = 2), walkers, chain length and burn-in: the integrated autocorrelation times and the
 * moments must agree within their Monte Carlo errors.
 *
 * <p>Tolerances: Sokal's estimate of the relative standard error of tau from a chain of N steps
 * with window M ~ 5 tau, averaged over W walkers, is sqrt(2 (2M + 1) / (W N)); with N = 100 tau and
 * W = 24 that is ~0.09 per estimate, ~0.13 for the difference of two independent ones, and walkers
 * of one ensemble are positively correlated, which inflates it. We allow 35% (about 2.7 standard errors of the independent case).
 * Moments: the difference of two independent estimates has variance 2 sigma^2 / n_eff.
 */
class EmceeComparisonTest {

  private static final int WALKERS = 24;
  private static final double TAU_MULTIPLE = 100;

  private static McmcConfig config(int d) {
    McmcConfig base = McmcConfig.defaults(d);
    return new McmcConfig(WALKERS, 2.0, 1, 0.01, 1, 2, TAU_MULTIPLE, base.burnInTaus(), 100_000,
        Duration.ofMinutes(2), base.rHatThreshold(), false);
  }

  private static JsonNode emcee(Map<String, Object> target, McmcResult ours, double[] start) throws Exception {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("task", "sample");
    request.put("target", target);
    request.put("walkers", WALKERS);
    request.put("steps", ours.stepsPerRun());
    request.put("burn", ours.burnInSteps());
    request.put("seed", 2024);
    request.put("start", start);
    return EmceeReference.call(request);
  }

  private static void assertAgree(McmcResult ours, JsonNode theirs, double[] sd) {
    double[] mean = Targets.mean(ours.samples());
    for (int j = 0; j < sd.length; j++) {
      double theirTau = theirs.get("tau").get(j).asDouble();
      assertEquals(theirTau, ours.tauSteps()[j], 0.35 * theirTau, "tau of parameter " + j);
      double se = sd[j] * Math.sqrt(2 / ours.effectiveSampleSize()[j]);
      assertEquals(theirs.get("mean").get(j).asDouble(), mean[j], 4 * se, "mean of parameter " + j);
    }
  }

  @Test
  void correlatedGaussian_tauAndMoments_agreeWithEmcee() throws Exception {
    Targets.CorrelatedGaussian g = EnsembleSamplerTest.GAUSSIAN_6D;
    McmcResult ours = EnsembleSampler.run(g, g.box(10), config(6), 77);
    JsonNode theirs = emcee(Map.of("name", "gaussian", "mean", g.mean(), "cov", g.cov()), ours, g.mean());
    double[] sd = new double[6];
    for (int j = 0; j < 6; j++) {
      sd[j] = Math.sqrt(g.cov()[j][j]);
      double theirVar = theirs.get("cov").get(j).get(j).asDouble();
      assertEquals(g.cov()[j][j], theirVar, 0.25 * g.cov()[j][j], "emcee's own variance " + j);
    }
    assertAgree(ours, theirs, sd);
    assertEquals(theirs.get("acceptance").asDouble(), ours.acceptanceFraction(), 0.02);
    assertEquals(List.of("3", "1"), List.of(theirs.get("emcee_version").asText().split("\\.")).subList(0, 2));
  }

  @Test
  void banana_tauAndMoments_agreeWithEmcee() throws Exception {
    Targets.Banana banana = new Targets.Banana(0.03, 10);
    BoxBounds box = new BoxBounds(new double[] {-70, -30}, new double[] {70, 150});
    McmcResult ours = EnsembleSampler.run(banana, box, config(2), 78);
    JsonNode theirs = emcee(Map.of("name", "banana", "b", 0.03, "sigma1", 10), ours, new double[] {0, 3});
    assertAgree(ours, theirs, new double[] {10, Math.sqrt(banana.varianceY2())});
    assertEquals(theirs.get("acceptance").asDouble(), ours.acceptanceFraction(), 0.02);
  }
}
