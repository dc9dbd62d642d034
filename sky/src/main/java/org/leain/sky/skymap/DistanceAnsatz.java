package org.leain.sky.skymap;

/**
 * The per-pixel distance ansatz of BAYESTAR maps (Singer et al. 2016):
 * {@code p(r | n) = DISTNORM r^2 N(r; DISTMU, DISTSIGMA)} for r > 0. DISTMU and DISTSIGMA are the
 * ansatz's location and scale, not the mean and standard deviation of distance; those moments
 * follow in closed form (as ligo.skymap's {@code parameters_to_moments}). Stateless, thread-safe.
 */
public final class DistanceAnsatz {

  private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

  private DistanceAnsatz() {}

  /**
   * The conditional distance density {@code p(r|n)} in Mpc^-1; 0 where the pixel carries no
   * distance information (DISTMU infinite or NaN, or non-positive DISTSIGMA).
   */
  public static double densityPerMpc(double rMpc, double distMuMpc, double distSigmaMpc,
      double distNormPerMpc2) {
    if (!Double.isFinite(distMuMpc) || !(distSigmaMpc > 0) || !Double.isFinite(distNormPerMpc2)
        || !(rMpc >= 0)) {
      return 0.0;
    }
    double u = (rMpc - distMuMpc) / distSigmaMpc;
    return distNormPerMpc2 * rMpc * rMpc * Math.exp(-0.5 * u * u) * INV_SQRT_2PI / distSigmaMpc;
  }

  /**
   * The ansatz's moments and normalisation (ligo.skymap's {@code parameters_to_moments}).
   *
   * @param meanMpc conditional mean distance
   * @param stdMpc conditional standard deviation of distance
   * @param normPerMpc2 the DISTNORM that normalises {@code r^2 N(r; mu, sigma)} on r > 0
   */
  public record Moments(double meanMpc, double stdMpc, double normPerMpc2) {
    static final Moments UNDEFINED = new Moments(Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * The mean, standard deviation and normalisation of r under the ansatz; NaN for all when DISTMU
   * is not finite or DISTSIGMA not positive and finite.
   *
   * <p>With {@code x = mu/sigma}, {@code P = phi(x)}, {@code C = Phi(x)} and the truncated moments
   * {@code I_k = integral_0^inf t^k phi(t - x) dt}: {@code I_2 = x P + (1 + x^2) C},
   * {@code I_3 = (x^2 + 2) P + (x^3 + 3x) C}, {@code I_4 = (x^3 + 5x) P + (x^4 + 6x^2 + 3) C};
   * mean = sigma I_3/I_2, E[r^2] = sigma^2 I_4/I_2, norm = 1/(sigma^2 I_2). Divided through by C
   * (so only the ratio {@code P/C} appears) for stability at negative x.
   */
  public static Moments moments(double distMuMpc, double distSigmaMpc) {
    if (!Double.isFinite(distMuMpc) || !(distSigmaMpc > 0) || !Double.isFinite(distSigmaMpc)) {
      return Moments.UNDEFINED;
    }
    double x = distMuMpc / distSigmaMpc;
    double x2 = x * x;
    double cdf = Gaussian.cdf(x);
    if (!(cdf > 0)) {
      return Moments.UNDEFINED;
    }
    double ratio = Gaussian.pdf(x) / cdf;
    double i2 = x * ratio + 1 + x2;
    double i3 = (x2 + 2) * ratio + x * (x2 + 3);
    double i4 = (x2 * x + 5 * x) * ratio + x2 * x2 + 6 * x2 + 3;
    double meanOverSigma = i3 / i2;
    double varOverSigma2 = i4 / i2 - meanOverSigma * meanOverSigma;
    return new Moments(distSigmaMpc * meanOverSigma, distSigmaMpc * Math.sqrt(Math.max(0, varOverSigma2)),
        1.0 / (distSigmaMpc * distSigmaMpc * i2 * cdf));
  }
}
