package org.leain.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leain.sim.prior.Parameter;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;

/**
 * With the noise switched off the likelihood is highest at the truth. (For the GW half, the
 * phase-marginalised likelihood of noise-free data peaks at an amplitude lower than the truth by a
 * relative 1/(2 SNR^2), the Rice bias; events with SNR &gt;= 20 keep that far below the 2%-of-range
 * perturbations used here.)
 */
class LikelihoodPeakTest {

  private final Simulator simulator = Simulator.standard();
  private final Likelihood likelihood = new Likelihood(simulator);

  @Test
  void noiseFreeLikelihood_peaksAtTruth_againstPerturbationsOfEveryParameter() {
    SplittableRandom random = new SplittableRandom(8);
    Prior prior = Prior.uniform();
    double[] re = new double[simulator.strainGrid().size()];
    double[] im = new double[re.length];
    int events = 0;
    while (events < 12) {
      Theta truth = prior.sample(random);
      if (simulator.gwModel().optimalSnr(truth, re, im) < 20.0) {
        continue;
      }
      events++;
      Observation clean = simulator.simulateNoiseFree(truth, events);
      double atTruth = likelihood.logLikelihood(truth, clean);
      for (Parameter p : Parameter.values()) {
        if (!p.inferred()) {
          continue;
        }
        double delta = 0.02 * (p.upper() - p.lower());
        for (double sign : new double[] {-1.0, 1.0}) {
          double value = truth.get(p) + sign * delta;
          if (!p.contains(value)) {
            continue;
          }
          Theta perturbed = truth.with(p, value);
          double there = likelihood.logLikelihood(perturbed, clean);
          assertTrue(atTruth > there, () -> p.id() + " " + sign + " at " + truth + ": "
              + atTruth + " <= " + there);
        }
      }
    }
  }

  @Test
  void sedHalf_ofNoiseFreeLikelihood_peaksAtTruth_evenForTinyPerturbations() {
    SplittableRandom random = new SplittableRandom(9);
    Theta truth = Prior.uniform().sample(random);
    Observation sedOnly = simulator.simulateNoiseFree(truth, 3).withoutStrain();
    double atTruth = likelihood.logLikelihood(truth, sedOnly);
    for (Parameter p : Parameter.values()) {
      if (p == Parameter.Q || p == Parameter.PHI_C) {
        continue; // the SED does not depend on the merger
      }
      double value = truth.get(p) + 1e-3 * (p.upper() - p.lower());
      double there = likelihood.logLikelihood(truth.with(p, value), sedOnly);
      assertTrue(atTruth > there, p.id());
    }
  }
}
