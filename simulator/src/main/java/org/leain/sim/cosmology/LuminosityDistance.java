package org.leain.sim.cosmology;

/**
 * Luminosity distance as a function of redshift: the one cosmological quantity the forward model
 * needs (flux dimming of the SED, amplitude of the strain, the mock localization's distance).
 *
 * <p>Kept as an interface so the simulator can switch to the sky module's Planck18 cosmology
 * without touching the SED or GW code. Implementations must be thread-safe and deterministic.
 */
public interface LuminosityDistance {

  /** Luminosity distance in megaparsecs at redshift {@code z} >= 0. */
  double luminosityDistanceMpc(double z);
}
