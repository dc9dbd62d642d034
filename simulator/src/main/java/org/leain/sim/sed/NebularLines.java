package org.leain.sim.sed;

/**
 * Nebular emission lines: which lines, their rest wavelengths and the recombination and
 * line-ratio relations that set their luminosities.
 *
 * <ul>
 *   <li>Recombination lines from absorbed ionising photons, case B at 10^4 K:
 *       L(H-alpha) = 1.37e-12 erg x Q(H) (Kennicutt 1998; Osterbrock &amp; Ferland 2006),
 *       H-alpha/H-beta = 2.86, Ly-alpha/H-alpha = 8.7, L(HeII 1640) = 5.67e-12 erg x Q(He+)
 *       (Schaerer 2003).
 *   <li>The black hole's ionising photons (from the disc spectrum) are absorbed with covering
 *       factor 0.5 (gas-rich DCBH hosts, e.g. Natarajan et al. 2017), those of the stars entirely.
 *       The hardness Q(He+)/Q(H) of the disc rises as T* ~ (lambda_Edd/M)^(1/4) rises; with the
 *       stars suppressed by J21 (see {@link HostGalaxy}), HeII/H-beta rises with J21 and falls with
 *       metallicity: the DCBH diagnostic of Inayoshi et al. 2015 / Natarajan et al. 2017.
 *   <li>Broad lines (Ly-alpha, CIV, HeII, H-beta, H-alpha powered by the black hole) have the
 *       virial width of Greene &amp; Ho (2005): M_BH = 2.0e6 (L_Halpha/1e42)^0.55
 *       (FWHM/1e3 km/s)^2.06 Msun solved for FWHM, which separates M_BH from lambda_Edd.
 *       Narrow lines (the stars' recombination lines, HeII and [OIII]) have FWHM = 200 km/s.
 *   <li>[OIII] 5008 / H-beta(narrow) from the metallicity calibration of Maiolino et al. (2008):
 *       log R = 0.1549 - 1.5031 x - 0.9790 x^2 - 0.0297 x^3, x = log10 Z/Zsun, valid down to
 *       x = -1.7; below, R falls in proportion to Z (the metal line's emissivity at fixed
 *       ionisation). The narrow-line region adds 10% of the black hole's H-beta to the narrow
 *       H-beta that [OIII] scales with. [OIII] 4960 = 5008 / 2.98.
 *   <li>CIV 1549 / HeII 1640 = 2 (Z / 0.1 Zsun)^0.5: a power-law approximation to the
 *       metallicity trend of AGN photoionisation grids (Feltre, Charlot &amp; Gutkin 2016;
 *       Nakajima et al. 2018).
 * </ul>
 */
final class NebularLines {

  static final double LYA_UM = 0.121567;
  static final double CIV_UM = 0.154906;
  static final double HEII_UM = 0.164042;
  static final double HBETA_UM = 0.486268;
  static final double OIII4960_UM = 0.496030;
  static final double OIII5008_UM = 0.500824;
  static final double HALPHA_UM = 0.656461;

  static final double HALPHA_PER_PHOTON_ERG = 1.37e-12;
  static final double HEII_PER_PHOTON_ERG = 5.67e-12;
  static final double HALPHA_OVER_HBETA = 2.86;
  static final double LYA_OVER_HALPHA = 8.7;
  static final double COVERING_FACTOR = 0.5;
  static final double NARROW_LINE_REGION_SHARE = 0.1;
  static final double NARROW_FWHM_KM_S = 200.0;
  static final double OIII_DOUBLET_RATIO = 2.98;
  static final double HYDROGEN_IONISATION_EV = 13.598;
  static final double HELIUM_II_IONISATION_EV = 54.418;

  private NebularLines() {}

  /** log10 of [OIII] 5008 / H-beta at log10 Z/Zsun. */
  static double log10Oiii5008OverHbeta(double log10ZZsun) {
    double x = Math.max(log10ZZsun, -1.7);
    double log = 0.1549 + x * (-1.5031 + x * (-0.9790 + x * -0.0297));
    return log + Math.min(log10ZZsun + 1.7, 0.0);
  }

  /** CIV 1549 / HeII 1640 at log10 Z/Zsun. */
  static double civOverHeii(double log10ZZsun) {
    return 2.0 * Math.pow(10.0, 0.5 * (log10ZZsun + 1.0));
  }

  /** Virial broad-line FWHM in km/s (Greene &amp; Ho 2005, eq. 6 inverted). */
  static double broadFwhmKmS(double mbhMsun, double halphaErgS) {
    double lum42 = Math.max(halphaErgS, 1e30) / 1e42;
    return 1e3 * Math.pow(mbhMsun / (2.0e6 * Math.pow(lum42, 0.55)), 1.0 / 2.06);
  }
}
