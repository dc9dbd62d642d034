package org.leain.sim.sed;

/**
 * The host galaxy's young stellar population, set by the halo mass, the metallicity and the
 * Lyman-Werner intensity.
 *
 * <ul>
 *   <li>Stellar mass from the halo mass by abundance matching, the Moster, Naab &amp; White (2013)
 *       double power law M* / M_h = 2N / ((M_h/M1)^-beta + (M_h/M1)^gamma) with its redshift
 *       evolution evaluated at a reference z = 6 (frozen: across z = 3-12 the evolution is smaller
 *       than the relation's scatter, and freezing it keeps z acting on the SED only through the
 *       dilation, the IGM and the distance, which DESIGN.md section 5 asks the symmetry to isolate).
 *   <li>Star formation rate SFR = sSFR M* f*(J21) with sSFR = 10 / Gyr (typical at z ~ 6, e.g.
 *       Stark et al. 2013) and f*(J21) = 1 / (1 + J21 / J_crit), J_crit = 1e3 (Shang, Bryan &amp;
 *       Haiman 2010; Sugimura, Omukai &amp; Inoue 2014): a strong Lyman-Werner field dissociates H2,
 *       suppresses the molecular cooling that feeds star formation in the DCBH host, so the more
 *       DCBH-like the environment, the fainter the stars relative to the black hole.
 *   <li>UV luminosity L_nu(1500 A) = SFR / kappa_UV, kappa_UV = 1.15e-28 Msun/yr / (erg/s/Hz)
 *       (Madau &amp; Dickinson 2014, Salpeter IMF).
 *   <li>Shape: f_lambda ~ lambda^beta between 912 A and the Balmer limit, beta = -2.1 + 0.2 log10(Z/Zsun)
 *       (bluer for metal-poor young populations, the trend of Schaerer 2003 and Bouwens et al. 2010),
 *       a Balmer break of amplitude 1.3 in f_nu at 3646 A (a 0.01-wide logistic step in ln lambda),
 *       nothing below 912 A (the ionising photons are absorbed locally and re-emitted as lines).
 *   <li>Ionising photons Q*(H) = 10^(53.86 - 0.1 log10 Z/Zsun) SFR per Msun/yr (Kennicutt 1998's
 *       7.3e53 at solar, rising ~2.5x to Z = 1e-4 Zsun as in Schaerer 2003), and a He+-ionising
 *       fraction Q*(He+)/Q*(H) = 10^(-2 - (log10 Z/Zsun + 4)) (negligible except near-pristine).
 * </ul>
 */
final class HostGalaxy {

  static final double J_CRIT = 1.0e3;
  static final double SSFR_PER_YR = 1.0e-8;
  static final double KAPPA_UV = 1.15e-28;
  static final double BALMER_BREAK = 1.3;
  static final double LN_BALMER_UM = Math.log(0.3646);
  static final double LN_LYMAN_LIMIT_UM = Math.log(0.0911753);
  static final double LN_1500A_UM = Math.log(0.15);
  private static final double STEP_WIDTH = 0.01;

  private static final double Z_REF_FRACTION = 6.0 / 7.0; // z / (1 + z) at z = 6
  private static final double LOG10_M1 = 11.590 + 1.195 * Z_REF_FRACTION;
  private static final double N = 0.0351 - 0.0247 * Z_REF_FRACTION;
  private static final double BETA = 1.376 - 0.826 * Z_REF_FRACTION;
  private static final double GAMMA = 0.608 + 0.329 * Z_REF_FRACTION;

  private HostGalaxy() {}

  /** Stellar mass in solar masses from the halo mass (Moster et al. 2013 at z = 6). */
  static double stellarMassMsun(double log10MhaloMsun) {
    double ratio = Math.pow(10.0, log10MhaloMsun - LOG10_M1);
    double fraction = 2.0 * N / (Math.pow(ratio, -BETA) + Math.pow(ratio, GAMMA));
    return fraction * Math.pow(10.0, log10MhaloMsun);
  }

  /** Fraction of the halo's star formation that survives the Lyman-Werner field. */
  static double starFormationFraction(double log10J21) {
    return 1.0 / (1.0 + Math.pow(10.0, log10J21) / J_CRIT);
  }

  /** Star formation rate, Msun/yr. */
  static double starFormationRate(double log10MhaloMsun, double log10J21) {
    return SSFR_PER_YR * stellarMassMsun(log10MhaloMsun) * starFormationFraction(log10J21);
  }

  /** UV slope beta of f_lambda. */
  static double uvSlope(double log10ZZsun) {
    return -2.1 + 0.2 * log10ZZsun;
  }

  /** L_nu(1500 A), erg/s/Hz. */
  static double uvLuminosity(double sfrMsunYr) {
    return sfrMsunYr / KAPPA_UV;
  }

  /** H-ionising photon rate, 1/s. */
  static double hydrogenIonisingRate(double sfrMsunYr, double log10ZZsun) {
    return Math.pow(10.0, 53.86 - 0.1 * log10ZZsun) * sfrMsunYr;
  }

  /** He+-ionising photon rate, 1/s. */
  static double heliumIonisingRate(double hydrogenRate, double log10ZZsun) {
    return hydrogenRate * Math.pow(10.0, -2.0 - (log10ZZsun + 4.0));
  }

  /**
   * L_nu in erg/s/Hz at rest-frame ln(lambda / 1 um), for a population with L_nu(1500 A) = luv and
   * f_nu slope (beta + 2), before the Lyman-limit cut (the caller multiplies by the fraction of
   * its bin redward of 912 A, {@link #LN_LYMAN_LIMIT_UM}).
   */
  static double lnu(double lnLambdaRestUm, double luv, double fnuSlope) {
    double powerLaw = Math.exp(fnuSlope * (lnLambdaRestUm - LN_1500A_UM));
    double d = (lnLambdaRestUm - LN_BALMER_UM) / STEP_WIDTH;
    double step = d > 40.0 ? 1.0 : d < -40.0 ? 0.0 : 1.0 / (1.0 + Math.exp(-d));
    return luv * powerLaw * (1.0 + (BALMER_BREAK - 1.0) * step);
  }
}
