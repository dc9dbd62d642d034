/**
 * The MCMC gold standard of LEAIN's validation (DESIGN.md section 7): exact-likelihood posterior
 * samples against which the networks are judged.
 *
 * <p><b>Sampler.</b> {@link org.leain.validation.mcmc.EnsembleSampler} is the affine-invariant
 * ensemble sampler of Goodman and Weare (2010, Comm. App. Math. Comp. Sci. 5, 65), as in emcee
 * (Foreman-Mackey et al. 2013, PASP 125, 306). Each walker X_k moves by the stretch move
 * Y = X_j + Z (X_k - X_j), with X_j a walker of the other half of the ensemble and Z drawn from
 * g(z) proportional to 1/sqrt(z) on [1/a, a] (a = 2); Y is accepted with probability
 * min(1, Z^(d-1) p(Y)/p(X_k)). Splitting the ensemble into two halves ("red/blue") and moving one
 * half against the other, frozen, keeps detailed balance and lets the proposals of a half be
 * evaluated in parallel; the random numbers are drawn first, so the chain does not depend on
 * thread scheduling.
 *
 * <p><b>Parallel tempering.</b> With several temperatures, each rung samples p^beta on the box
 * (beta from 1 down to a small value, geometric ladder), walkers of adjacent rungs are proposed for
 * exchange every step and swapped with probability min(1, exp((beta_i - beta_j)(log p_j - log p_i)));
 * only the beta = 1 rung is kept. Hot rungs cross between modes (for LEAIN, the redshift modes), so
 * the cold chain gets the mode weights right (Earl and Deem 2005). The support is bounded, so the
 * hot rungs are proper.
 *
 * <p><b>Autocorrelation and stopping.</b> {@link org.leain.validation.mcmc.AutocorrelationTime}
 * reproduces {@code emcee.autocorr.integrated_time}: the per-walker autocorrelation function is
 * averaged over walkers and integrated with Sokal's automatic window (the smallest M >= 5 tau(M);
 * Sokal 1997). Every ~25% of steps the run estimates tau on the second half of its chain, discards a
 * burn-in of 5 tau (or, failing that, half the chain), re-estimates tau on the rest, and stops once
 * that rest is longer than 50 tau for every parameter (emcee's own reliability criterion) and its
 * two halves agree by split R-hat (so a start transient longer than the burn-in is not kept), or
 * when the step or wall-time cap is hit (reported in {@link org.leain.validation.mcmc.StopReason}). The kept chain is thinned
 * by ceil(max tau), so the samples are nearly independent; n_eff = walkers x kept steps / tau.
 *
 * <p><b>Start and multimodality.</b> Walkers start in a tiny ball around the best of several prior
 * draws (uniform in the box, the LEAIN prior) each refined by Nelder-Mead on -log p; never from a
 * network. Independent runs (separate streams and start points) are compared with the
 * rank-normalised split R-hat of Vehtari et al. (2021), each run being one chain (its thinned
 * draws, the walkers of a step in turn; walkers of one ensemble are not independent chains): runs
 * stuck in different modes give R-hat >> 1.01 and the result is marked not converged. A single run
 * is still split in halves, which catches a drift inside the run.
 */
package org.leain.validation.mcmc;
