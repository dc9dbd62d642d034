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

  @Test
  void logLikelihood_isThreadSafe_concurrentCallsGiveTheSequentialValues() throws Exception {
    SplittableRandom random = new SplittableRandom(31);
    Theta truth = Prior.uniform().sample(random);
    Observation x = simulator.simulate(truth, 5);
    Observation y = simulator.simulate(Prior.uniform().sample(random), 6);
    Theta[] thetas = new Theta[200];
    double[] expected = new double[thetas.length];
    for (int i = 0; i < thetas.length; i++) {
      thetas[i] = Prior.uniform().sample(random);
      expected[i] = likelihood.logLikelihood(thetas[i], i % 2 == 0 ? x : y);
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<double[]>> results = new java.util.ArrayList<>();
      for (int t = 0; t < 4; t++) {
        results.add(pool.submit(() -> {
          double[] out = new double[thetas.length];
          for (int i = 0; i < thetas.length; i++) {
            out[i] = likelihood.logLikelihood(thetas[i], i % 2 == 0 ? x : y);
          }
          return out;
        }));
      }
      for (java.util.concurrent.Future<double[]> f : results) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
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
