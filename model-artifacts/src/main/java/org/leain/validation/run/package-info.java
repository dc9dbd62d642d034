/**
 * The validation run (DESIGN.md section 7): test events from a
 * {@link org.leain.validation.run.ValidationProblem} (the simulator and its exact likelihood),
 * two {@link org.leain.validation.run.AmortizedPosterior}s (LEAIN and the baseline), and
 * {@link org.leain.validation.run.ValidationRun} measuring the proposal's criteria on them: NLTP,
 * coverage, TARP and SBC on every test event; the MCMC gold standard, KL (DINGO-IS), C2ST and the
 * speed-up on the first events. The models and the problem are interfaces so the same run checks
 * analytic cases in tests and the trained networks on the DCBH simulator.
 *
 * <p>Speed-up = (MCMC wall time per effective sample of its worst parameter) / (network wall time
 * per posterior draw, the network call included), per event, same machine, same run; the median is
 * reported. The proposal asks for >= 1000x.
 */
package org.leain.validation.run;
