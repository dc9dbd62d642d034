package org.leain.sim;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leain.sim.prior.Parameter;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;

class LikelihoodTest {

  private final Simulator simulator = Simulator.standard();
  private final Likelihood likelihood = new Likelihood(simulator);

  @Test
  void logLikelihood_isFiniteEverywhereInsideThePrior_includingCorners() {
    SplittableRandom random = new SplittableRandom(21);
    Prior prior = Prior.uniform();
    for (int k = 0; k < 300; k++) {
      Theta truth = prior.sample(random);
      Observation x = simulator.simulate(truth, k);
      Theta other = k % 2 == 0 ? prior.sample(random) : corner(random);
      double value = likelihood.logLikelihood(other, x);
      assertTrue(Double.isFinite(value), () -> other + " -> " + value);
    }
  }

  @Test
  void logLikelihood_outsidePrior_throwsNamingTheParameter() {
    Theta truth = Prior.uniform().sample(new SplittableRandom(2));
    Observation x = simulator.simulate(truth, 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> likelihood.logLikelihood(truth.with(Parameter.LOG10_MBH, 9.3), x));
    assertEquals("Expected log10_mbh in [4, 9]. Actual: 9.3", e.getMessage());
    assertEquals(Double.NEGATIVE_INFINITY,
        likelihood.logPosterior(truth.with(Parameter.LOG10_MBH, 9.3), x));
  }

  private static Theta corner(SplittableRandom random) {
    double[] v = new double[Theta.SIZE];
    for (Parameter p : Parameter.values()) {
      boolean high = random.nextBoolean() && p != Parameter.PHI_C;
      v[p.ordinal()] = high ? p.upper() : p.lower();
    }
    return Theta.of(v);
  }
}
