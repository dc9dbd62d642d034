/**
 * Calibration and accuracy metrics of an amortised posterior q(theta | x) against the truth
 * (DESIGN.md section 7). Every metric works on {@link org.leain.validation.metrics.EventPosterior},
 * one posterior per event, so analytic posteriors test them now and the network's posterior runs
 * through an adapter later.
 *
 * <ul>
 *   <li>{@link org.leain.validation.metrics.Nltp}: -E[log q(theta* | x)] with a bootstrap interval;
 *       differences between models are differences of expected KL to the true posterior.
 *   <li>{@link org.leain.validation.metrics.KlDivergence}: KL(p || q) per event from MCMC samples
 *       of p, log-evidence by importance sampling with q (DINGO-IS), with the IS efficiency.
 *   <li>{@link org.leain.validation.metrics.IntervalCoverage}: per-parameter central 90% coverage.
 *   <li>{@link org.leain.validation.metrics.CoverageCurve}: joint expected coverage from the rank
 *       of log q(theta*) among the draws (HPD regions in theta-space).
 *   <li>{@link org.leain.validation.metrics.Tarp}: TARP's coverage curve, ATC and KS statistic.
 *   <li>{@link org.leain.validation.metrics.SbcRanks}: SBC rank histograms with a chi-square test.
 *   <li>{@link org.leain.validation.metrics.C2st}: classifier two-sample test with an MLP.
 * </ul>
 *
 * <p>Sign conventions: coverage below the nominal level, a curve below the diagonal, a negative
 * ATC and a U-shaped SBC histogram all mean over-confidence (posteriors too narrow); the reverse
 * means under-confidence.
 */
package org.leain.validation.metrics;
