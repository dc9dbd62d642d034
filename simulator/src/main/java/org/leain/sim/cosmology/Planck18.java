package org.leain.sim.cosmology;

/**
 * Planck 2018 luminosity distances from the sky module's cosmology
 * ({@link org.leain.sky.cosmology.Planck18}: flat Lambda-CDM, H0 = 67.66, Omega_m = 0.30966,
 * radiation and one 0.06 eV neutrino as in astropy), tabulated once for speed.
 *
 * <p>The likelihood needs D_L(z) twice per call; the sky module integrates adaptively each time.
 * Here D_C = D_H int dz/E(z) with the sky module's E(z) is accumulated every 0.001 in z on [0, 20]
 * by Simpson's rule, tabulated with its exact derivative D_H / E(z) and
 * interpolated by cubic Hermite splines (relative error &lt; 1e-10), so a call costs nanoseconds.
 */
public final class Planck18 implements LuminosityDistance {

  private static final double Z_MAX = 20.0;
  private static final double DZ = 1.0e-3;
  private static final Planck18 INSTANCE = new Planck18();

  private final double[] comovingMpc;
  private final double[] derivativeMpc;

  private Planck18() {
    int n = (int) Math.round(Z_MAX / DZ) + 1;
    comovingMpc = new double[n];
    derivativeMpc = new double[n];
    double hubbleDistanceMpc = org.leain.sky.cosmology.Planck18.HUBBLE_DISTANCE_MPC;
    for (int i = 0; i < n; i++) {
      derivativeMpc[i] = hubbleDistanceMpc / org.leain.sky.cosmology.Planck18.efunc(i * DZ);
    }
    // D_C accumulated node to node by Simpson's rule on the sky module's E(z) (error ~1e-15 per step).
    for (int i = 1; i < n; i++) {
      double mid = hubbleDistanceMpc / org.leain.sky.cosmology.Planck18.efunc((i - 0.5) * DZ);
      comovingMpc[i] = comovingMpc[i - 1]
          + DZ / 6.0 * (derivativeMpc[i - 1] + 4.0 * mid + derivativeMpc[i]);
    }
  }

  /** The shared instance (the table is built once). */
  public static Planck18 instance() {
    return INSTANCE;
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
    return (2 * t3 - 3 * t2 + 1) * comovingMpc[i] + (t3 - 2 * t2 + t) * DZ * derivativeMpc[i]
        + (-2 * t3 + 3 * t2) * comovingMpc[i + 1] + (t3 - t2) * DZ * derivativeMpc[i + 1];
  }
}
