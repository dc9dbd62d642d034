/**
 * Cosmology for the forward model: the luminosity distance D_L(z) behind an interface
 * ({@link org.leain.sim.cosmology.LuminosityDistance}) with a Planck 2018 flat Lambda-CDM
 * implementation. D_L sets the (1+z)/(4 pi D_L^2) dimming of f_nu and the 1/D_L amplitude of the
 * strain.
 */
package org.leain.sim.cosmology;
