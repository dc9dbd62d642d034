package org.leain.sim.sed;

/**
 * Mean transmission of the intergalactic medium blueward of Ly-alpha (Madau 1995, ApJ 441, 18):
 * line blanketing by the Lyman series, tau_eff(lambda_obs) = sum_j A_j (lambda_obs / lambda_j)^3.46
 * for every series line j with lambda_obs &lt; lambda_j (1+z), A = 3.6e-3, 1.7e-3, 1.2e-3, 9.3e-4 for
 * Ly-alpha..delta. Below the redshifted Lyman limit the photoelectric optical depth of Madau's
 * eq. 16 exceeds ~5 for every source at z &gt;= 3, so the transmission is set to zero there. On the
 * grid, each edge is spread over the bin it falls in ({@link #binTransmission}).
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
  private static final double LN_LYMAN_LIMIT_UM = Math.log(LYMAN_LIMIT_UM);
  private static final double[] LN_LAMBDA_UM = new double[LAMBDA_UM.length];

  private static final double[] A_OVER_LAMBDA_POW = new double[A.length];

  static {
    for (int j = 0; j < A.length; j++) {
      A_OVER_LAMBDA_POW[j] = A[j] / Math.pow(LAMBDA_UM[j], EXPONENT);
      LN_LAMBDA_UM[j] = Math.log(LAMBDA_UM[j]);
    }
  }

  private IgmTransmission() {}

  /** Transmission at observed wavelength (um) for a source at redshift z (a point, no bin). */
  static double transmission(double lambdaObsUm, double z) {
    double ln = Math.log(lambdaObsUm);
    return binTransmission(ln, ln, Math.pow(lambdaObsUm, EXPONENT), Math.log1p(z));
  }

  /**
   * Transmission of the bin [lnLo, lnHi] (ln of observed um) with lambda_obs^3.46 of its centre
   * precomputed, for a source with ln(1+z) = {@code lnOnePlusZ}. Each series term enters with the fraction of the bin blueward of its onset
   * lambda_j (1+z), and the bin is blocked in proportion to its part below the Lyman limit, so the
   * transmission is continuous in z (a point-sampled edge would make the likelihood jump whenever
   * an edge crosses a bin centre).
   */
  static double binTransmission(double lnLo, double lnHi, double lambdaObsPow,
      double lnOnePlusZ) {
    if (lnLo >= LN_LAMBDA_UM[0] + lnOnePlusZ) {
      return 1.0;
    }
    double tau = 0.0;
    for (int j = 0; j < LAMBDA_UM.length; j++) {
      tau += A_OVER_LAMBDA_POW[j] * lambdaObsPow
          * fractionBelow(LN_LAMBDA_UM[j] + lnOnePlusZ, lnLo, lnHi);
    }
    double open = 1.0 - fractionBelow(LN_LYMAN_LIMIT_UM + lnOnePlusZ, lnLo, lnHi);
    return open * Math.exp(-tau);
  }

  /** Fraction of [lo, hi] below {@code edge} (a step for a zero-width interval). */
  static double fractionBelow(double edge, double lo, double hi) {
    if (edge <= lo) {
      return 0.0;
    }
    if (edge >= hi) {
      return 1.0;
    }
    return (edge - lo) / (hi - lo);
  }
}
