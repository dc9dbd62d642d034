/**
 * Exactly equivariant frame estimation and canonicalisation.
 *
 * <p>A redshift translates an SED on a uniform ln(lambda) grid by eta = ln(1 + z); a detector-frame
 * mass scale s translates a strain on a uniform ln(time-to-merger) grid by ln s. LEAIN estimates that
 * translation (the "frame") and moves the input into a canonical rest-frame canvas before any
 * non-equivariant layer sees it.
 *
 * <p><b>Frame estimator.</b> A stack of bias-free, zero-padded (not circular) 1D convolutions with
 * ReLU between them gives a map h; the score map s = h^2 is non-negative and is exactly zero where
 * the receptive field sees only zeros. The frame is the centre of mass of s on the grid, plus a
 * learned anchor: {@code frame = step * sum_i s_i (i - c) / sum_i s_i + anchor}. If the input is
 * translated by k whole bins and its support (widened by the receptive field) stays inside the
 * window, every s_i moves by k bins unchanged, so the frame moves by exactly k * step. Because the
 * map is positively homogeneous, the frame is also invariant to a global flux scale (distance
 * dimming). Translations that push signal across the window edge are not symmetries of the data,
 * and no estimator can be equivariant to them. The centre-of-mass sums run in float64 so that the
 * equivariance holds to ~1e-12 in the frame rather than to float32 rounding.
 *
 * <p><b>Canonicalisation.</b> The canvas is wide enough for every frame in the prior range (plus a
 * margin). Canvas bin j reads the input at fractional position j - offset with linear
 * interpolation and zero padding outside the window; for an integer offset this is an exact copy.
 * Every channel is moved with the signal, including the breaking inputs (window mask, flux error,
 * resolution), so the network downstream still sees where the instrument cut the data.
 */
package org.leain.posterior.frame;
