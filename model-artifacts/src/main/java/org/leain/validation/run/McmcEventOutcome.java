package org.leain.validation.run;

import org.leain.validation.mcmc.McmcResult;
import org.leain.validation.metrics.C2st;
import org.leain.validation.metrics.KlDivergence;

/**
 * One event that got the MCMC gold standard.
 *
 * @param thetaTrue the true parameters
 * @param mcmc the sampler's result (samples, tau, n_eff, wall time, convergence)
 * @param leainSamples draws of the LEAIN posterior (for the corner plot and C2ST)
 * @param baselineSamples draws of the baseline posterior (for the corner plot)
 * @param klLeain KL(p || q_leain) by DINGO-IS
 * @param klBaseline KL(p || q_baseline)
 * @param c2stLeain C2ST of LEAIN draws against the thinned MCMC draws
 * @param leainSeconds wall time of the LEAIN posterior from the observation to
 *     {@link ValidationRun#SPEED_SAMPLES} draws
 * @param mcmcSeconds MCMC wall time per effective sample (worst parameter) times {@link ValidationRun#SPEED_SAMPLES}
 * @param speedup mcmcSeconds / leainSeconds
 */
public record McmcEventOutcome(double[] thetaTrue, McmcResult mcmc, double[][] leainSamples,
    double[][] baselineSamples, KlDivergence.Estimate klLeain, KlDivergence.Estimate klBaseline, C2st c2stLeain,
    double leainSeconds, double mcmcSeconds, double speedup) {}
