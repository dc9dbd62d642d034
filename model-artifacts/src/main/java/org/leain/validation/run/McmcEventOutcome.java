package org.leain.validation.run;

import org.leain.validation.mcmc.McmcResult;
import org.leain.validation.metrics.C2st;
import org.leain.validation.metrics.KlDivergence;

/**
 * One event that got the MCMC gold standard.
 *
 * @param thetaTrue the true parameters
 * @param mcmc the sampler's result (samples, tau, n_eff, wall time, convergence)
 * @param leainSamples draws of the LEAIN posterior (for the corner plot)
 * @param klLeain KL(p || q_leain) by DINGO-IS
 * @param klBaseline KL(p || q_baseline)
 * @param c2stLeain C2ST of LEAIN draws against the thinned MCMC draws
 * @param leainSeconds wall time of the LEAIN posterior for the event and its draws
 * @param speedup (MCMC seconds per effective sample) / (LEAIN seconds per draw)
 */
public record McmcEventOutcome(double[] thetaTrue, McmcResult mcmc, double[][] leainSamples,
    KlDivergence.Estimate klLeain, KlDivergence.Estimate klBaseline, C2st c2stLeain, double leainSeconds,
    double speedup) {}
