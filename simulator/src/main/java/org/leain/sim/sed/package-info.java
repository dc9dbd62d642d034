/**
 * The spectral (SED) half of the forward model: a DCBH accretion disc, its host's young stars and
 * nebular lines, seen through the IGM by NIRSpec PRISM on a uniform ln(lambda) grid.
 *
 * <p>Public: {@link org.leain.sim.sed.SpectralGrid} (the grid), {@link org.leain.sim.sed.SedModel}
 * (noise-free flux and the rest-frame shape; flux-error draws) and
 * {@link org.leain.sim.sed.PrismResolution} (R(lambda), a symmetry-breaking input of the network).
 * The physics of each component, with references, is in its package-private class and in
 * simulator/PHYSICS.md.
 */
package org.leain.sim.sed;
