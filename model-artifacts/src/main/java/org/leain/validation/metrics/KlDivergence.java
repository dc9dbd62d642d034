package org.leain.validation.metrics;

import org.leain.validation.mcmc.LogDensity;

/**
 * KL(p || q) for one event, with p the exact posterior known only up to its evidence Z.
 *
 * <p>KL = E_p[log p~(theta) - log q(theta)] - log Z. The first term is averaged over MCMC samples of
 * p; log Z is estimated by importance sampling with q as the proposal (as DINGO-IS, Dax et al. 2023,
 * PRL 130, 171403): w_i = p~(theta_i) / q(theta_i), theta_i ~ q, Z ~ mean(w). Where q is narrower
 * than p the weights have a heavy tail, Z is underestimated and KL biased upward; the sample
 * efficiency n_eff / n = (sum w)^2 / (n sum w^2) is reported beside it to show when that happens
 * (DINGO-IS reports a median ~10% on real BBH events).
 */
public final class KlDivergence {

  /**
   * @param klNats the KL estimate, in nats
   * @param logEvidence the IS estimate of log Z
   * @param isEfficiency n_eff / n of the importance weights, in (0, 1]
   * @param proposalSamples n, draws from q
   * @param referenceSamples draws from p (MCMC)
   */
  public record Estimate(double klNats, double logEvidence, double isEfficiency, int proposalSamples,
      int referenceSamples) {}

  private KlDivergence() {}

  /**
   * @param unnormalisedTarget log p~ = log likelihood + log prior (the MCMC target)
   * @param referenceSamples draws from p, e.g. {@link org.leain.validation.mcmc.McmcResult#samples()}
   * @param q the model's posterior for the same event
   * @param proposalSamples number of IS draws from q
   */
  public static Estimate estimate(LogDensity unnormalisedTarget, double[][] referenceSamples, EventPosterior q,
      int proposalSamples, long seed) {
    if (referenceSamples.length < 2 || proposalSamples < 2) {
      throw new IllegalArgumentException("Expected >= 2 reference and proposal samples. Actual: "
          + referenceSamples.length + ", " + proposalSamples);
    }
    double[][] draws = q.sample(proposalSamples, seed);
    double[] logq = q.logDensity(draws);
    double[] logw = new double[draws.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < draws.length; i++) {
      // A draw whose own density is not finite (float saturation at the box edge) has q ~ 0 there in exact
      // arithmetic; its weight would be inf/inf. It is given weight 0, i.e. treated as outside p's support.
      logw[i] = Double.isFinite(logq[i]) ? unnormalisedTarget.logDensity(draws[i]) - logq[i] : Double.NEGATIVE_INFINITY;
      if (Double.isNaN(logw[i])) {
        logw[i] = Double.NEGATIVE_INFINITY;
      }
      max = Math.max(max, logw[i]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      throw new IllegalStateException("Expected some draws of q inside the support of p. Actual: none of "
          + proposalSamples);
    }
    double sum = 0;
    double sumSquares = 0;
    for (double lw : logw) {
      double w = Math.exp(lw - max);
      sum += w;
      sumSquares += w * w;
    }
    double logEvidence = max + Math.log(sum / draws.length);
    double efficiency = sum * sum / (draws.length * sumSquares);
    double[] logqReference = q.logDensity(referenceSamples);
    double cross = 0;
    for (int i = 0; i < referenceSamples.length; i++) {
      cross += unnormalisedTarget.logDensity(referenceSamples[i]) - logqReference[i];
    }
    cross /= referenceSamples.length;
    return new Estimate(cross - logEvidence, logEvidence, efficiency, draws.length, referenceSamples.length);
  }
}
