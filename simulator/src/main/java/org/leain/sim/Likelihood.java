package org.leain.sim;

import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;
import org.leain.sim.special.ModifiedBessel;

/**
 * The exact log-likelihood log p(x | theta) of the simulator's noise model, with the coalescence
 * phase marginalised analytically, and the log prior.
 *
 * <pre>
 *   log L = sum_{unmasked bins} [ -(f_i - mu_i)^2 / (2 sigma_i^2) - ln sigma_i - ln(2 pi)/2 ]
 *         + [ -n ln(2 pi) - (sum |d_j|^2 + sum |m_j|^2) / 2 + ln I0(|sum d_j conj(m_j)|) ]
 * </pre>
 * with mu the noise-free flux, sigma the flux errors the observation reports, d_j = A_j + i E_j the
 * whitened strain and m_j the whitened template at phi_c = 0 over the n unmasked samples: the
 * average over a uniform phi_c of the Gaussian likelihood of d given m e^(i phi_c), because the
 * phase only rotates the complex two-channel signal. This is exactly the distribution
 * {@link Simulator#simulate} samples from, with phi_c drawn from its uniform prior.
 *
 * <p>Thread-safe: per-thread scratch buffers, no allocation per call after a thread's first call.
 * Per-observation sums (sum ln sigma, sum |d|^2) are cached for the last observation seen by a
 * thread, so the observation's arrays must not be mutated.
 */
public final class Likelihood {

  private static final double HALF_LN_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

  private final Simulator simulator;
  private final Prior prior;
  private final ThreadLocal<Scratch> scratch;

  /** The likelihood of {@code simulator}'s noise model under the uniform prior. */
  public Likelihood(Simulator simulator) {
    this.simulator = simulator;
    this.prior = Prior.uniform();
    int nSed = simulator.spectralGrid().size();
    int nStrain = simulator.strainGrid().size();
    this.scratch = ThreadLocal.withInitial(() -> new Scratch(nSed, nStrain));
  }

  /** Log prior density of the inferred parameters; -infinity outside the prior. */
  public double logPrior(Theta theta) {
    return prior.logDensity(theta);
  }

  /**
   * log p(x | theta) with phi_c marginalised (theta's phi_c is ignored, but must be in range).
   *
   * @throws IllegalArgumentException if theta lies outside the prior, naming the parameter
   */
  public double logLikelihood(Theta theta, Observation observation) {
    theta.requireInPrior();
    Scratch s = scratch.get();
    if (s.observation != observation) {
      s.prepare(observation);
    }
    double logL = s.constant;
    if (s.sedBins > 0) {
      simulator.sedModel().observedFluxUjy(theta, s.mu);
      double[] flux = observation.fluxUjy();
      boolean[] mask = observation.sedMask();
      double chi2 = 0.0;
      for (int i = 0; i < flux.length; i++) {
        if (mask[i]) {
          double r = (flux[i] - s.mu[i]) * s.inverseErr[i];
          chi2 += r * r;
        }
      }
      logL -= 0.5 * chi2;
    }
    if (s.strainSamples > 0) {
      simulator.gwModel().whitenedTemplate(theta, s.re, s.im);
      double[] a = observation.strainA();
      double[] e = observation.strainE();
      boolean[] mask = observation.strainMask();
      double overlapRe = 0.0;
      double overlapIm = 0.0;
      double templateNorm = 0.0;
      for (int j = 0; j < a.length; j++) {
        if (mask[j]) {
          double mr = s.re[j];
          double mi = s.im[j];
          overlapRe += a[j] * mr + e[j] * mi;
          overlapIm += e[j] * mr - a[j] * mi;
          templateNorm += mr * mr + mi * mi;
        }
      }
      logL += -0.5 * templateNorm
          + ModifiedBessel.logI0(Math.sqrt(overlapRe * overlapRe + overlapIm * overlapIm));
    }
    return logL;
  }

  /** logPrior + logLikelihood, -infinity (no exception) outside the prior: what MCMC evaluates. */
  public double logPosterior(Theta theta, Observation observation) {
    double lp = logPrior(theta);
    if (lp == Double.NEGATIVE_INFINITY) {
      return lp;
    }
    return lp + logLikelihood(theta, observation);
  }

  /** Per-thread buffers and the per-observation constants of the last observation seen. */
  private static final class Scratch {
    final double[] mu;
    final double[] inverseErr;
    final double[] re;
    final double[] im;
    Observation observation;
    double constant;
    int sedBins;
    int strainSamples;

    Scratch(int nSed, int nStrain) {
      mu = new double[nSed];
      inverseErr = new double[nSed];
      re = new double[nStrain];
      im = new double[nStrain];
    }

    void prepare(Observation obs) {
      double c = 0.0;
      sedBins = 0;
      double[] err = obs.fluxErrUjy();
      boolean[] sedMask = obs.sedMask();
      for (int i = 0; i < err.length; i++) {
        if (sedMask[i]) {
          inverseErr[i] = 1.0 / err[i];
          c -= Math.log(err[i]) + HALF_LN_TWO_PI;
          sedBins++;
        }
      }
      strainSamples = 0;
      double[] a = obs.strainA();
      double[] e = obs.strainE();
      boolean[] strainMask = obs.strainMask();
      for (int j = 0; j < a.length; j++) {
        if (strainMask[j]) {
          c -= 0.5 * (a[j] * a[j] + e[j] * e[j]) + 2.0 * HALF_LN_TWO_PI;
          strainSamples++;
        }
      }
      constant = c;
      observation = obs;
    }
  }
}
