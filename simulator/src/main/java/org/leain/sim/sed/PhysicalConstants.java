package org.leain.sim.sed;

/** CGS constants used by the SED model (CODATA 2018 / IAU 2015 nominal values). */
final class PhysicalConstants {
  static final double H_PLANCK = 6.62607015e-27; // erg s
  static final double K_BOLTZMANN = 1.380649e-16; // erg / K
  static final double C_CM_S = 2.99792458e10;
  static final double C_KM_S = 2.99792458e5;
  static final double SIGMA_SB = 5.670374419e-5; // erg / cm^2 / s / K^4
  static final double GM_SUN_OVER_C2_CM = 1.4766250e5; // G Msun / c^2
  /** Eddington luminosity per solar mass for ionised hydrogen, 4 pi G m_p c / sigma_T. */
  static final double L_EDD_PER_MSUN_ERG_S = 1.2572e38;
  static final double MPC_CM = 3.0856775814913673e24;
  static final double UJY_CGS = 1.0e-29; // erg / s / cm^2 / Hz
  static final double EV_ERG = 1.602176634e-12;
  /** Speed of light in micrometres per second (for rest-frame frequencies from wavelengths in um). */
  static final double C_UM_S = 2.99792458e14;

  private PhysicalConstants() {}
}
