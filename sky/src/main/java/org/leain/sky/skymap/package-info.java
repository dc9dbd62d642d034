/**
 * Multi-order (NUNIQ) HEALPix probability sky maps as LVK alerts carry them (BAYESTAR), read from
 * FITS bytes or built from arrays, validated, and indexed once for fast queries.
 *
 * <p>A map is a set of pixels of mixed orders that tile the sphere exactly once. Each carries a
 * probability density {@code PROBDENSITY} (per steradian; the probability of a pixel is density
 * times area) and, optionally, the per-pixel distance ansatz {@code DISTMU}, {@code DISTSIGMA}
 * (Mpc), {@code DISTNORM} (Mpc^-2) of Singer et al. (2016, ApJL 829, L15): the conditional
 * distance density along a line of sight is {@code p(r|n) = DISTNORM r^2 N(r; DISTMU, DISTSIGMA)};
 * {@code DISTMU = +inf} marks pixels without distance information.
 *
 * <p>Validation ({@link org.leain.sky.skymap.Skymap#of}): every UNIQ value decodes to a pixel at
 * order 0..29; the pixels tile the sphere without gap or overlap, checked exactly in integers by
 * mapping each pixel to its range of NESTED indices at order 29 (sorted starts and sorted ends must
 * interleave: {@code end[i] == start[i+1]}, which makes the coverage count exactly one everywhere,
 * so the areas sum to 4 pi and no pixel is nested in another); densities are finite and
 * non-negative; the total probability is 1 within 1e-6; row counts are bounded. Failures raise
 * {@link org.leain.sky.skymap.InvalidSkymapException} with a {@code Reason}.
 *
 * <p>Flat maps (one column of per-pixel probabilities {@code PROB} in RING or NESTED order, e.g.
 * the older nside-512 {@code .fits.gz} maps) are converted to NUNIQ at their single order with
 * {@code density = prob / pixel area}.
 *
 * <p>The index ({@link org.leain.sky.skymap.SkymapIndex}) follows ligo.skymap's crossmatch: pixels
 * sorted by descending density, cumulative probability and area that include the current pixel.
 */
package org.leain.sky.skymap;
