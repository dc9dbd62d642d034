package org.leain.sim.cosmology;

/**
 * Flat Lambda-CDM with the Planck 2018 parameters (Planck Collaboration 2020, A&amp;A 641, A6,
 * table 2, TT,TE,EE+lowE+lensing+BAO, as in astropy's {@code Planck18}): H0 = 67.66 km/s/Mpc,
 * Omega_m = 0.30966, T_CMB = 2.7255 K, N_eff = 3.046 with one 0.06 eV neutrino.
 *
 * <p>Radiation (photons and two massless neutrino species) is included; the massive neutrino is
 * non-relativistic below z ~ 100 and is counted with matter. The comoving distance is tabulated
 * once on a fine redshift grid (Simpson's rule between nodes) and interpolated with cubic Hermite
 * splines, so a call costs a few nanoseconds; the table covers 0 &lt;= z &lt;= 20.
 */
public final class Planck18 implements LuminosityDistance {

  private static final double H0_KM_S_MPC = 67.66;
  private static final double OMEGA_M = 0.30966;
  private static final double T_CMB_K = 2.7255;
  private static final double N_EFF = 3.046;
  private static final double M_NU_EV = 0.06;
  private static final double C_KM_S = 299792.458;
  private static final double Z_MAX = 20.0;
  private static final double DZ = 1.0e-3;

  private static final Planck18 INSTANCE = new Planck18();

  private final double[] comovingMpc;
  private final double[] derivativeMpc;

  private Planck18() {
    double h = H0_KM_S_MPC / 100.0;
    double omegaGamma = 2.4728e-5 * Math.pow(T_CMB_K / 2.7255, 4) / (h * h);
    // Each of the three species carries N_eff/3; two are massless radiation.
    double perSpecies = (7.0 / 8.0) * Math.pow(4.0 / 11.0, 4.0 / 3.0) * N_EFF / 3.0;
    double omegaR = omegaGamma * (1.0 + 2.0 * perSpecies);
    double omegaNu = M_NU_EV / (93.14 * h * h);
    double omegaMatter = OMEGA_M + omegaNu;
    double omegaLambda = 1.0 - omegaMatter - omegaR;
    double hubbleDistanceMpc = C_KM_S / H0_KM_S_MPC;

    int n = (int) Math.round(Z_MAX / DZ) + 1;
    comovingMpc = new double[n];
    derivativeMpc = new double[n];
    for (int i = 0; i < n; i++) {
      derivativeMpc[i] = hubbleDistanceMpc / e(i * DZ, omegaMatter, omegaR, omegaLambda);
    }
    for (int i = 1; i < n; i++) {
      double zMid = (i - 0.5) * DZ;
      double mid = hubbleDistanceMpc / e(zMid, omegaMatter, omegaR, omegaLambda);
      comovingMpc[i] = comovingMpc[i - 1]
          + DZ / 6.0 * (derivativeMpc[i - 1] + 4.0 * mid + derivativeMpc[i]);
    }
  }

  /** The shared instance (the table is built once). */
  public static Planck18 instance() {
    return INSTANCE;
  }

  private static double e(double z, double om, double or, double ol) {
    double a = 1.0 + z;
    return Math.sqrt(om * a * a * a + or * a * a * a * a + ol);
  }

  @Override
  public double luminosityDistanceMpc(double z) {
    if (!(z >= 0.0 && z <= Z_MAX)) {
      throw new IllegalArgumentException("Expected z in [0, 20]. Actual: " + z);
    }
    return (1.0 + z) * comovingDistanceMpc(z);
  }

  /** Line-of-sight comoving distance in megaparsecs. */
  public double comovingDistanceMpc(double z) {
    int i = Math.min((int) (z / DZ), comovingMpc.length - 2);
    double t = (z - i * DZ) / DZ;
    double t2 = t * t;
    double t3 = t2 * t;
    double h00 = 2 * t3 - 3 * t2 + 1;
    double h10 = t3 - 2 * t2 + t;
    double h01 = -2 * t3 + 3 * t2;
    double h11 = t3 - t2;
    return h00 * comovingMpc[i] + h10 * DZ * derivativeMpc[i] + h01 * comovingMpc[i + 1]
        + h11 * DZ * derivativeMpc[i + 1];
  }
}
