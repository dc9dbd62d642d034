package org.leain.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;
import org.leain.sim.special.ModifiedBessel;

class NoiseModelTest {

  private final Simulator simulator = Simulator.standard();

  /**
   * Sum of squared standardised residuals over many noisy draws: chi-square with
   * draws x (320 + 2 x 1024) degrees of freedom if the drawn noise has the variance the
   * likelihood assumes (flux_err per bin, 1 per whitened sample and channel).
   */
  @Test
  void drawnNoise_hasTheVarianceTheLikelihoodAssumes_chiSquare() {
    Theta truth = Prior.uniform().sample(new SplittableRandom(4));
    int draws = 200;
    double chi2Sed = 0.0;
    double chi2Strain = 0.0;
    for (int k = 0; k < draws; k++) {
      Observation clean = simulator.simulateNoiseFree(truth, k);
      Observation noisy = simulator.simulate(truth, k);
      for (int i = 0; i < clean.fluxUjy().length; i++) {
        double r = (noisy.fluxUjy()[i] - clean.fluxUjy()[i]) / clean.fluxErrUjy()[i];
        chi2Sed += r * r;
      }
      for (int j = 0; j < clean.strainA().length; j++) {
        double ra = noisy.strainA()[j] - clean.strainA()[j];
        double re = noisy.strainE()[j] - clean.strainE()[j];
        chi2Strain += ra * ra + re * re;
      }
    }
    double dofSed = draws * 320.0;
    double dofStrain = draws * 2048.0;
    assertEquals(dofSed, chi2Sed, 4 * Math.sqrt(2 * dofSed));
    assertEquals(dofStrain, chi2Strain, 4 * Math.sqrt(2 * dofStrain));
  }

  /**
   * The analytic phase marginalisation equals a direct numerical average over phi_c of the
   * Gaussian likelihood given the signal at that phase (periodic trapezoid, converged: 1024 and
   * 2048 nodes agree), i.e. the likelihood is exactly the distribution the simulator samples.
   */
  @Test
  void phaseMarginalisedLikelihood_equalsNumericalAverageOverTheCoalescencePhase() {
    SplittableRandom random = new SplittableRandom(12);
    Likelihood likelihood = new Likelihood(simulator);
    double[] re = new double[1024];
    double[] im = new double[1024];
    int checked = 0;
    while (checked < 5) {
      Theta truth = Prior.uniform().sample(random);
      double snr = simulator.gwModel().optimalSnr(truth, re, im);
      if (snr < 1.0 || snr > 30.0) {
        continue;
      }
      checked++;
      Observation x = simulator.simulate(truth, checked).withoutStrain();
      Observation full = simulator.simulate(truth, checked);
      double sedPart = likelihood.logLikelihood(truth, x);
      double analytic = likelihood.logLikelihood(truth, full) - sedPart;
      double n1024 = numericalGwPart(truth, full, 1024);
      double n2048 = numericalGwPart(truth, full, 2048);
      assertEquals(n2048, n1024, 1e-9);
      assertEquals(n2048, analytic, 1e-8);
    }
  }

  private double numericalGwPart(Theta theta, Observation x, int nodes) {
    double[] values = new double[nodes];
    double[] a = new double[1024];
    double[] e = new double[1024];
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < nodes; k++) {
      double phi = 2 * Math.PI * k / nodes;
      simulator.gwModel().whitenedSignal(theta.with(org.leain.sim.prior.Parameter.PHI_C, phi), a, e);
      double logL = 0.0;
      for (int j = 0; j < a.length; j++) {
        double ra = x.strainA()[j] - a[j];
        double re = x.strainE()[j] - e[j];
        logL += -0.5 * (ra * ra + re * re) - Math.log(2 * Math.PI);
      }
      values[k] = logL;
      max = Math.max(max, logL);
    }
    double sum = 0.0;
    for (double v : values) {
      sum += Math.exp(v - max);
    }
    return max + Math.log(sum / nodes);
  }

  @Test
  void sameSeed_givesTheSameObservation_differentSeedsDiffer() {
    Theta truth = Prior.uniform().sample(new SplittableRandom(6));
    Observation a = simulator.simulate(truth, 42);
    Observation b = simulator.simulate(truth, 42);
    Observation c = simulator.simulate(truth, 43);
    org.junit.jupiter.api.Assertions.assertArrayEquals(a.fluxUjy(), b.fluxUjy());
    org.junit.jupiter.api.Assertions.assertArrayEquals(a.strainE(), b.strainE());
    org.junit.jupiter.api.Assertions.assertFalse(
        java.util.Arrays.equals(a.fluxUjy(), c.fluxUjy()));
    assertEquals(0.0, ModifiedBessel.logI0(0.0));
  }
}
