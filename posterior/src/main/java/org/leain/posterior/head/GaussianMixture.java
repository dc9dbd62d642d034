package org.leain.posterior.head;

import java.util.SplittableRandom;

/**
 * A mixture of full-covariance Gaussians in u-space, held as plain doubles for fast sampling and
 * exact log-densities after the network has run.
 *
 * <p>Components are given by weights, means and the upper-triangular Cholesky factor U of each
 * precision matrix (Sigma^-1 = U^T U). Immutable and thread-safe.
 */
public final class GaussianMixture {

  private static final double LN_2PI = Math.log(2 * Math.PI);

  private final double[] weights;
  private final double[] logWeights;
  private final double[][] means;
  private final double[][][] precisionCholesky;
  private final double[] logNorm;
  private final int dimension;

  /**
   * @param weights component weights (non-negative, summing to 1 within 1e-6)
   * @param means [K][D] component means
   * @param precisionCholesky [K][D][D] upper-triangular factors with positive diagonals
   */
  public GaussianMixture(double[] weights, double[][] means, double[][][] precisionCholesky) {
    int k = weights.length;
    if (k == 0 || means.length != k || precisionCholesky.length != k) {
      throw new IllegalArgumentException("Expected K >= 1 consistent components. Actual: weights "
          + k + ", means " + means.length + ", factors " + precisionCholesky.length);
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0)) {
        throw new IllegalArgumentException("Expected non-negative weights. Actual: " + w);
      }
      total += w;
    }
    if (Math.abs(total - 1) > 1e-6) {
      throw new IllegalArgumentException("Expected weights summing to 1. Actual: " + total);
    }
    this.dimension = means[0].length;
    this.weights = weights.clone();
    this.logWeights = new double[k];
    this.means = new double[k][];
    this.precisionCholesky = new double[k][][];
    this.logNorm = new double[k];
    for (int c = 0; c < k; c++) {
      logWeights[c] = Math.log(weights[c]);
      this.means[c] = means[c].clone();
      this.precisionCholesky[c] = new double[dimension][];
      double logDet = 0;
      for (int i = 0; i < dimension; i++) {
        this.precisionCholesky[c][i] = precisionCholesky[c][i].clone();
        double d = precisionCholesky[c][i][i];
        if (!(d > 0)) {
          throw new IllegalArgumentException("Expected a positive Cholesky diagonal. Actual: " + d);
        }
        logDet += Math.log(d);
      }
      logNorm[c] = -0.5 * dimension * LN_2PI + logDet;
    }
  }

  public int dimension() {
    return dimension;
  }

  public int components() {
    return weights.length;
  }

  public double[] weights() {
    return weights.clone();
  }

  public double[][] means() {
    double[][] copy = new double[means.length][];
    for (int c = 0; c < means.length; c++) {
      copy[c] = means[c].clone();
    }
    return copy;
  }

  /** ln q_u(u): exact mixture log-density in u-space (log-sum-exp over components). */
  public double logDensity(double[] u) {
    if (u.length != dimension) {
      throw new IllegalArgumentException("Expected u of length " + dimension + ". Actual: " + u.length);
    }
    double[] terms = new double[weights.length];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < weights.length; c++) {
      double[][] f = precisionCholesky[c];
      double quad = 0;
      for (int i = 0; i < dimension; i++) {
        double y = 0;
        for (int j = i; j < dimension; j++) {
          y += f[i][j] * (u[j] - means[c][j]);
        }
        quad += y * y;
      }
      terms[c] = logWeights[c] + logNorm[c] - 0.5 * quad;
      max = Math.max(max, terms[c]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum);
  }

  /** Draws one u: pick a component by weight, then solve U x = e (back substitution), u = mu + x. */
  public double[] sample(SplittableRandom random) {
    double r = random.nextDouble();
    int c = 0;
    double cumulative = weights[0];
    while (r >= cumulative && c < weights.length - 1) {
      c++;
      cumulative += weights[c];
    }
    double[][] f = precisionCholesky[c];
    double[] e = new double[dimension];
    for (int i = 0; i < dimension; i++) {
      e[i] = gaussian(random);
    }
    double[] x = new double[dimension];
    for (int i = dimension - 1; i >= 0; i--) {
      double s = e[i];
      for (int j = i + 1; j < dimension; j++) {
        s -= f[i][j] * x[j];
      }
      x[i] = s / f[i][i];
    }
    for (int i = 0; i < dimension; i++) {
      x[i] += means[c][i];
    }
    return x;
  }

  /**
   * The lower-triangular Cholesky factor L of each component's covariance (Sigma = L L^T), the
   * conventional form for downstream consumers. Computed from Sigma = U^-1 U^-T.
   */
  public double[][][] covarianceCholesky() {
    double[][][] out = new double[weights.length][][];
    for (int c = 0; c < weights.length; c++) {
      double[][] inv = invertUpper(precisionCholesky[c]);
      double[][] sigma = new double[dimension][dimension];
      for (int i = 0; i < dimension; i++) {
        for (int j = 0; j < dimension; j++) {
          double s = 0;
          for (int m = Math.max(i, j); m < dimension; m++) {
            s += inv[i][m] * inv[j][m];
          }
          sigma[i][j] = s;
        }
      }
      out[c] = cholesky(sigma);
    }
    return out;
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller; SplittableRandom has no nextGaussian in Java 17.
    double a = random.nextDouble();
    double b = random.nextDouble();
    return Math.sqrt(-2 * Math.log1p(-a)) * Math.cos(2 * Math.PI * b);
  }

  private double[][] invertUpper(double[][] u) {
    double[][] inv = new double[dimension][dimension];
    for (int col = 0; col < dimension; col++) {
      for (int i = dimension - 1; i >= 0; i--) {
        double s = i == col ? 1 : 0;
        for (int j = i + 1; j < dimension; j++) {
          s -= u[i][j] * inv[j][col];
        }
        inv[i][col] = s / u[i][i];
      }
    }
    return inv;
  }

  private double[][] cholesky(double[][] a) {
    double[][] l = new double[dimension][dimension];
    for (int i = 0; i < dimension; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        l[i][j] = i == j ? Math.sqrt(Math.max(s, 0)) : s / l[j][j];
      }
    }
    return l;
  }
}
