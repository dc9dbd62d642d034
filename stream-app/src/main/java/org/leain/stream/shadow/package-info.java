/**
 * Calibration monitoring in production: a low-rate stream of simulated injections with known truth
 * goes through the live path (join, exact decision, inference) and the app tracks how well the
 * posteriors cover the truth. Off unless {@code shadow.injections.per.hour > 0}.
 *
 * <p><b>Injections.</b> Each one is a DCBH simulator draw from the prior ({@link
 * org.leain.stream.shadow.InjectionSimulation#standard()}): a mock GW candidate {@code MSHADOW<seq>}
 * ({@code mock = true}, with strain and a mock sky map) and a spectrum {@code shadow-<seq>} at the
 * map's centre, written to the normal candidates and spectra topics. The truth never rides in the
 * input records: it goes to the compacted topic {@code leain.shadow.truth} (key: the pair's
 * association id), read back as a global store. The sky join pairs an injection only with itself
 * ({@link org.leain.stream.shadow.ShadowTopology#mayPair}): its mock map can span thousands of
 * deg^2, and a simulated source paired with a real one is neither an association nor a calibration
 * sample. The injection's posterior gets {@code shadow_injection = true} (so consumers can filter
 * it) and {@code true_values}; every other posterior gets neither.
 *
 * <p><b>Where injections are made, and why inside the app.</b> The finished injections' outcomes
 * are repartitioned to a topic of ONE partition, so the step that keeps the rolling window exists
 * in exactly one task across all instances; the injection punctuator lives in that same task. So N
 * instances inject once, not N times, without any coordination of their own; the sequence counter
 * sits in the same changelogged store (ids are never reused after a restart or a move), and the
 * injection records are written in the task's transaction (exactly once under EOS). A separate
 * producer under {@code ./leain run} would need its own deployment, leader election and sequence
 * store for the same result. With injections off nothing of this is in the topology, so the load
 * test and the chaos test see the topology they always saw.
 *
 * <p><b>Statistics</b> (over the last {@code shadow.window} finished injections, in the
 * changelogged store {@code leain-shadow-window}): per parameter, the PIT of the true value
 * among the posterior samples, coverage of the central 50% and 90% intervals, and the KS
 * distance of the PITs to U(0,1); jointly, the expected coverage at 0.5 and 0.9 from the rank of
 * ln q(theta*) among ln q(samples), with the density read from the record's mixture and
 * transforms (Jacobian included). They are exported on /metrics as {@code leain_shadow_*} once the
 * window holds {@code shadow.window.min} injections; one binomial sigma of a 90% coverage is
 * sqrt(0.09 / W).
 */
package org.leain.stream.shadow;
