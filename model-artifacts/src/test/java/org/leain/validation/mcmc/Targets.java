package org.leain.validation.mcmc;

/** Test targets with analytic moments. */
final class Targets {

  private Targets() {}

  /** N(mean, cov) with a dense covariance; log density up to a constant. */
  record CorrelatedGaussian(double[] mean, double[][] cov, double[][] precision) implements LogDensity {

    static CorrelatedGaussian of(double[] mean, double[][] cov) {
      return new CorrelatedGaussian(mean, cov, invert(cov));
    }

    /** sd_i sd_j rho^|i-j|: an AR(1)-correlated Gaussian with unequal scales. */
    static CorrelatedGaussian ar1(double[] mean, double[] sd, double rho) {
      int d = mean.length;
      double[][] cov = new double[d][d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          cov[i][j] = sd[i] * sd[j] * Math.pow(rho, Math.abs(i - j));
        }
      }
      return of(mean, cov);
    }

    @Override
    public double logDensity(double[] x) {
      double q = 0;
      for (int i = 0; i < mean.length; i++) {
        for (int j = 0; j < mean.length; j++) {
          q += (x[i] - mean[i]) * precision[i][j] * (x[j] - mean[j]);
        }
      }
      return -0.5 * q;
    }

    @Override
    public int dimension() {
      return mean.length;
    }

    BoxBounds box(double sds) {
      double[] lo = new double[mean.length];
      double[] hi = new double[mean.length];
      for (int i = 0; i < mean.length; i++) {
        lo[i] = mean[i] - sds * Math.sqrt(cov[i][i]);
        hi[i] = mean[i] + sds * Math.sqrt(cov[i][i]);
      }
      return new BoxBounds(lo, hi);
    }
  }

  /**
   * The twisted Gaussian ("banana") of Haario, Saksman and Tamminen (1999): y1 ~ N(0, s^2),
   * y2 = x2 - b (y1^2 - s^2) with x2 ~ N(0, 1); unit Jacobian. Moments: E y = 0, Var y1 = s^2,
   * Var y2 = 1 + 2 b^2 s^4, Cov(y1, y2) = 0, E y2^4 = 3 + 12 c^2 + 60 c^4 with c = b s^2.
   */
  record Banana(double b, double sigma1) implements LogDensity {
    @Override
    public double logDensity(double[] y) {
      double x2 = y[1] + b * (y[0] * y[0] - sigma1 * sigma1);
      return -0.5 * (y[0] / sigma1) * (y[0] / sigma1) - 0.5 * x2 * x2;
    }

    @Override
    public int dimension() {
      return 2;
    }

    double varianceY2() {
      return 1 + 2 * b * b * Math.pow(sigma1, 4);
    }

    double fourthMomentY2() {
      double c = b * sigma1 * sigma1;
      return 3 + 12 * c * c + 60 * Math.pow(c, 4);
    }
  }

  /** w N((-m, 0), s^2 I) + (1 - w) N((m, 0), s^2 I) in 2-D. */
  record Mixture(double weightLeft, double separationHalf, double sd) implements LogDensity {
    @Override
    public double logDensity(double[] x) {
      double l = -0.5 * ((x[0] + separationHalf) * (x[0] + separationHalf) + x[1] * x[1]) / (sd * sd);
      double r = -0.5 * ((x[0] - separationHalf) * (x[0] - separationHalf) + x[1] * x[1]) / (sd * sd);
      double max = Math.max(l, r);
      return max + Math.log(weightLeft * Math.exp(l - max) + (1 - weightLeft) * Math.exp(r - max));
    }

    @Override
    public int dimension() {
      return 2;
    }
  }

  /** The inverse of a symmetric positive-definite matrix via Gauss-Jordan elimination. */
  static double[][] invert(double[][] m) {
    int n = m.length;
    double[][] a = new double[n][2 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], 0, a[i], 0, n);
      a[i][n + i] = 1;
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) {
          pivot = r;
        }
      }
      double[] tmp = a[c];
      a[c] = a[pivot];
      a[pivot] = tmp;
      double p = a[c][c];
      for (int k = 0; k < 2 * n; k++) {
        a[c][k] /= p;
      }
      for (int r = 0; r < n; r++) {
        if (r != c) {
          double f = a[r][c];
          for (int k = 0; k < 2 * n; k++) {
            a[r][k] -= f * a[c][k];
          }
        }
      }
    }
    double[][] inv = new double[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], n, inv[i], 0, n);
    }
    return inv;
  }

  static double[] mean(double[][] samples) {
    int d = samples[0].length;
    double[] m = new double[d];
    for (double[] s : samples) {
      for (int j = 0; j < d; j++) {
        m[j] += s[j] / samples.length;
      }
    }
    return m;
  }

  static double[][] covariance(double[][] samples) {
    int d = samples[0].length;
    double[] m = mean(samples);
    double[][] c = new double[d][d];
    for (double[] s : samples) {
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          c[i][j] += (s[i] - m[i]) * (s[j] - m[j]) / (samples.length - 1);
        }
      }
    }
    return c;
  }
}
