package org.leain.validation.metrics;

/**
 * How an approximate posterior differs from the reference one parameter at a time: the ratio of
 * the marginal standard deviations and the offset of the marginal means in units of the reference
 * standard deviation. C2ST and IS efficiency say only that two sample sets differ; this says
 * whether the approximation is too wide, too narrow or displaced, and in which parameter, which is
 * what decides the remedy (more training or a more flexible head for width, a bias for offsets).
 *
 * <p>For one Gaussian dimension with width ratio k and no offset, the IS efficiency of q as a
 * proposal for p is sqrt(2 - 1/k^2) / k (k > 1/sqrt(2)); across independent dimensions the factors
 * multiply, so k = 10 in two parameters alone caps the efficiency near 2%.
 *
 * <p>The joint summary is the log ratio of the two covariance volumes, 0.5 (ln det C_q - ln det C_p):
 * q spreads over e^that times the volume p occupies. For Gaussians with equal means it is the part
 * of KL(p || q) that training must remove by sharpening q.
 *
 * @param widthRatio sd_q / sd_p per parameter (above 1: q is wider)
 * @param offsetInReferenceSd |mean_q - mean_p| / sd_p per parameter
 * @param logVolumeRatio 0.5 (ln det C_q - ln det C_p), nats
 */
public record MarginalMismatch(double[] widthRatio, double[] offsetInReferenceSd, double logVolumeRatio) {

  /** Compares the marginals of {@code approximate} draws with those of {@code reference} draws. */
  public static MarginalMismatch of(double[][] reference, double[][] approximate) {
    if (reference.length < 2 || approximate.length < 2) {
      throw new IllegalArgumentException("Expected >= 2 draws in each set. Actual: " + reference.length
          + " reference, " + approximate.length + " approximate");
    }
    int d = reference[0].length;
    if (approximate[0].length != d) {
      throw new IllegalArgumentException("Expected draws of dimension " + d + ". Actual: " + approximate[0].length);
    }
    double[] ratio = new double[d];
    double[] offset = new double[d];
    for (int j = 0; j < d; j++) {
      double[] p = moments(reference, j);
      double[] q = moments(approximate, j);
      ratio[j] = q[1] / p[1];
      offset[j] = Math.abs(q[0] - p[0]) / p[1];
    }
    return new MarginalMismatch(ratio, offset, 0.5 * (logDetCovariance(approximate) - logDetCovariance(reference)));
  }

  /** ln det of the sample covariance, by Cholesky; -infinity when it is singular. */
  static double logDetCovariance(double[][] draws) {
    int d = draws[0].length;
    double[] mean = new double[d];
    for (double[] x : draws) {
      for (int j = 0; j < d; j++) {
        mean[j] += x[j] / draws.length;
      }
    }
    double[][] c = new double[d][d];
    for (double[] x : draws) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j <= i; j++) {
          c[i][j] += (x[i] - mean[i]) * (x[j] - mean[j]) / (draws.length - 1);
        }
      }
    }
    double logDet = 0;
    double[][] l = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        double sum = c[i][j];
        for (int k = 0; k < j; k++) {
          sum -= l[i][k] * l[j][k];
        }
        if (i == j) {
          if (!(sum > 0)) {
            return Double.NEGATIVE_INFINITY;
          }
          l[i][i] = Math.sqrt(sum);
          logDet += 2 * Math.log(l[i][i]);
        } else {
          l[i][j] = sum / l[j][j];
        }
      }
    }
    return logDet;
  }

  /** Mean and sample standard deviation of column j. */
  private static double[] moments(double[][] draws, int j) {
    double mean = 0;
    for (double[] x : draws) {
      mean += x[j];
    }
    mean /= draws.length;
    double ss = 0;
    for (double[] x : draws) {
      ss += (x[j] - mean) * (x[j] - mean);
    }
    return new double[] {mean, Math.sqrt(ss / (draws.length - 1))};
  }
}
