package org.leain.sim.sed;

/**
 * Mean transmission of the intergalactic medium blueward of Ly-alpha (Madau 1995, ApJ 441, 18):
 * line blanketing by the Lyman series, tau_eff(lambda_obs) = sum_j A_j (lambda_obs / lambda_j)^3.46
 * for every series line j with lambda_obs &lt; lambda_j (1+z), A = 3.6e-3, 1.7e-3, 1.2e-3, 9.3e-4 for
 * Ly-alpha..delta. Below the redshifted Lyman limit the photoelectric optical depth of Madau's
 * eq. 16 exceeds ~5 for every source at z &gt;= 3, so the transmission is set to zero there.
 *
 * <p>This is a function of the observed wavelength and z separately, not of lambda/(1+z) alone: it
 * breaks the redshift translation symmetry (DESIGN.md section 5). No damping wing redward of
 * Ly-alpha from a neutral IGM at z &gt; 6 is modelled.
 */
final class IgmTransmission {

  private static final double[] LAMBDA_UM = {0.121567, 0.102572, 0.0972537, 0.0949743};
  private static final double[] A = {3.6e-3, 1.7e-3, 1.2e-3, 9.3e-4};
  static final double EXPONENT = 3.46;
  private static final double LYMAN_LIMIT_UM = 0.0911753;

  private static final double[] A_OVER_LAMBDA_POW = new double[A.length];

  static {
    for (int j = 0; j < A.length; j++) {
      A_OVER_LAMBDA_POW[j] = A[j] / Math.pow(LAMBDA_UM[j], EXPONENT);
    }
  }

  private IgmTransmission() {}

  /** Transmission at observed wavelength (um) for a source at redshift z. */
  static double transmission(double lambdaObsUm, double z) {
    return transmission(lambdaObsUm, Math.pow(lambdaObsUm, EXPONENT), z);
  }

  /** As {@link #transmission(double, double)} with lambda_obs^3.46 precomputed (per grid bin). */
  static double transmission(double lambdaObsUm, double lambdaObsPow, double z) {
    double onePlusZ = 1.0 + z;
    if (lambdaObsUm >= LAMBDA_UM[0] * onePlusZ) {
      return 1.0;
    }
    if (lambdaObsUm < LYMAN_LIMIT_UM * onePlusZ) {
      return 0.0;
    }
    double tau = 0.0;
    for (int j = 0; j < LAMBDA_UM.length; j++) {
      if (lambdaObsUm < LAMBDA_UM[j] * onePlusZ) {
        tau += A_OVER_LAMBDA_POW[j] * lambdaObsPow;
      }
    }
    return Math.exp(-tau);
  }
}
