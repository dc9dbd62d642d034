package org.leain.sky.cosmology;

/**
 * Luminosity distance for astropy's Planck18 cosmology (see the package documentation for the
 * formulas). Stateless and thread-safe.
 */
public final class Planck18 {

  /** Hubble constant, km/s/Mpc. */
  public static final double H0_KM_S_MPC = 67.66;
  /** Matter density today (baryons + cold dark matter; massive neutrinos are in Onu0). */
  public static final double OM0 = 0.30966;
  /** CMB temperature today, K. */
  public static final double TCMB0_K = 2.7255;
  /** Effective number of neutrino species. */
  public static final double NEFF = 3.046;
  /** The one massive neutrino's mass, eV (the other two are massless). */
  public static final double M_NU_EV = 0.06;

  private static final double C_M_S = 299_792_458.0;
  private static final double G_CGS = 6.6743e-8;                 // cm^3 g^-1 s^-2 (CODATA 2018)
  private static final double SIGMA_SB_CGS = 5.6703744191844314e-5; // erg cm^-2 s^-1 K^-4
  private static final double KB_EV_PER_K = 8.617333262145179e-5;
  private static final double MPC_KM = 3.0856775814913673e19;       // IAU 2015 parsec
  private static final double NU_PREFACTOR = 0.22710731766;          // 7/8 (4/11)^(4/3)
  private static final double TNU_OVER_TCMB = 0.7137658555036082;    // (4/11)^(1/3)
  private static final double KOMATSU_P = 1.83;
  private static final double KOMATSU_INV_P = 0.54644808743;
  private static final double KOMATSU_K = 0.3173;
  private static final int NEUTRINOS = 3;
  private static final int MASSLESS_NEUTRINOS = 2;

  /** Hubble distance c/H0 in Mpc. */
  public static final double HUBBLE_DISTANCE_MPC = (C_M_S / 1000.0) / H0_KM_S_MPC;

  static final double OGAMMA0;
  static final double NU_Y;
  static final double ONU0;
  static final double ODE0;

  static {
    double h0PerS = H0_KM_S_MPC / MPC_KM;
    double criticalDensityCgs = 3.0 / (8.0 * Math.PI * G_CGS) * h0PerS * h0PerS;
    double cCgs = C_M_S * 100.0;
    double aBc2 = 4.0 * SIGMA_SB_CGS / (cCgs * cCgs * cCgs);
    OGAMMA0 = aBc2 * Math.pow(TCMB0_K, 4) / criticalDensityCgs;
    NU_Y = M_NU_EV / (KB_EV_PER_K * TNU_OVER_TCMB * TCMB0_K);
    ONU0 = OGAMMA0 * neutrinoRelativeDensity(0.0);
    ODE0 = 1.0 - (OM0 + OGAMMA0 + ONU0);
  }

  private Planck18() {}

  /** Neutrino energy density relative to photons at redshift z (Komatsu et al. 2011 fit). */
  static double neutrinoRelativeDensity(double z) {
    double y = NU_Y / (1.0 + z);
    double massive = Math.pow(1.0 + Math.pow(KOMATSU_K * y, KOMATSU_P), KOMATSU_INV_P);
    return NU_PREFACTOR * (NEFF / NEUTRINOS) * (massive + MASSLESS_NEUTRINOS);
  }

  /** The dimensionless Hubble rate {@code E(z) = H(z)/H0}. */
  public static double efunc(double z) {
    double zp1 = 1.0 + z;
    double radiation = OGAMMA0 * (1.0 + neutrinoRelativeDensity(z));
    return Math.sqrt(zp1 * zp1 * zp1 * (radiation * zp1 + OM0) + ODE0);
  }

  /** Comoving (line-of-sight) distance in Mpc. */
  public static double comovingDistanceMpc(double z) {
    checkRedshift(z);
    if (z == 0) {
      return 0.0;
    }
    double a = 1.0 / efunc(0.0);
    double m = 1.0 / efunc(0.5 * z);
    double b = 1.0 / efunc(z);
    double whole = z / 6.0 * (a + 4 * m + b);
    return HUBBLE_DISTANCE_MPC * simpson(0.0, z, a, m, b, whole, 1e-13, 40);
  }

  /** Luminosity distance {@code (1+z) D_C} in Mpc, for z in [0, 1100]. */
  public static double luminosityDistanceMpc(double z) {
    return (1.0 + z) * comovingDistanceMpc(z);
  }

  private static double simpson(double lo, double hi, double flo, double fmid, double fhi,
      double whole, double tolerance, int depth) {
    double mid = 0.5 * (lo + hi);
    double leftMid = 1.0 / efunc(0.5 * (lo + mid));
    double rightMid = 1.0 / efunc(0.5 * (mid + hi));
    double left = (mid - lo) / 6.0 * (flo + 4 * leftMid + fmid);
    double right = (hi - mid) / 6.0 * (fmid + 4 * rightMid + fhi);
    double delta = left + right - whole;
    if (depth <= 0 || Math.abs(delta) <= 15 * tolerance * Math.abs(left + right)) {
      return left + right + delta / 15.0;
    }
    return simpson(lo, mid, flo, leftMid, fmid, left, tolerance, depth - 1)
        + simpson(mid, hi, fmid, rightMid, fhi, right, tolerance, depth - 1);
  }

  private static void checkRedshift(double z) {
    if (!(z >= 0 && z <= 1100)) {
      throw new IllegalArgumentException("Expected a redshift in [0, 1100]. Actual: " + z);
    }
  }
}
