package org.leain.posterior.head;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Turns a raw network output of {@link #rawSize()} numbers per example into the parameters of a
 * K-component, D-dimensional Gaussian mixture, and evaluates its exact log-density in DJL (for the
 * training loss) or hands it to {@link GaussianMixture} (for inference).
 *
 * <p>Raw layout per example: K logits, then K*D means, then K*D*D entries of which the strict upper
 * triangle is the off-diagonal of the precision Cholesky factor and the diagonal holds ln U_ii
 * (clipped to [{@value #MIN_LOG_DIAG}, {@value #MAX_LOG_DIAG}] for stability). Stateless and
 * thread-safe.
 */
public final class MixtureHead {

  static final double MIN_LOG_DIAG = -7;
  static final double MAX_LOG_DIAG = 9;
  private static final double LN_2PI = Math.log(2 * Math.PI);

  private final int components;
  private final int dimension;

  public MixtureHead(int components, int dimension) {
    if (components < 1 || dimension < 1) {
      throw new IllegalArgumentException("Expected K >= 1 and D >= 1. Actual: K=" + components
          + ", D=" + dimension);
    }
    this.components = components;
    this.dimension = dimension;
  }

  public int components() {
    return components;
  }

  public int dimension() {
    return dimension;
  }

  /** Number of raw outputs per example. */
  public int rawSize() {
    return components * (1 + dimension + dimension * dimension);
  }

  /**
   * Splits raw (B, rawSize) into [logits (B,K), means (B,K,D), precision Cholesky U (B,K,D,D)].
   * {@code meanOffset} (B, D) is added to every component mean (the frame, in u-space), or null.
   */
  public NDList mixture(NDArray raw, NDArray meanOffset) {
    long b = raw.getShape().get(0);
    int k = components;
    int d = dimension;
    NDArray logits = raw.get(":, 0:" + k);
    NDArray means = raw.get(":, " + k + ":" + (k + k * d)).reshape(b, k, d);
    if (meanOffset != null) {
      means = means.add(meanOffset.reshape(b, 1, d));
    }
    NDArray entries = raw.get(":, " + (k + k * d) + ":").reshape(b, k, d, d);
    NDManager m = raw.getManager();
    float[] upper = new float[d * d];
    float[] eye = new float[d * d];
    for (int i = 0; i < d; i++) {
      eye[i * d + i] = 1f;
      for (int j = i + 1; j < d; j++) {
        upper[i * d + j] = 1f;
      }
    }
    NDArray upperMask = m.create(upper, new Shape(1, 1, d, d));
    NDArray eyeMask = m.create(eye, new Shape(1, 1, d, d));
    NDArray diag = entries.clip(MIN_LOG_DIAG, MAX_LOG_DIAG).exp().mul(eyeMask);
    NDArray factor = entries.mul(upperMask).add(diag);
    return new NDList(logits, means, factor);
  }

  /** ln q_u(u) per example, shape (B,), for the mixture from {@link #mixture} and u (B, D). */
  public NDArray logDensity(NDList mixture, NDArray u) {
    NDArray logits = mixture.get(0);
    NDArray means = mixture.get(1);
    NDArray factor = mixture.get(2);
    long b = u.getShape().get(0);
    NDArray diff = u.reshape(b, 1, 1, dimension).sub(means.reshape(b, components, 1, dimension));
    NDArray y = factor.mul(diff).sum(new int[] {3}); // (B,K,D) = U (u - mu)
    NDArray quad = y.square().sum(new int[] {2}); // (B,K)
    NDArray eye = eyeOf(u.getManager());
    NDArray logDet = factor.mul(eye).sum(new int[] {3}).log().sum(new int[] {2}); // (B,K)
    NDArray logWeights = logits.logSoftmax(1);
    NDArray terms = logWeights.add(logDet).sub(quad.mul(0.5)).sub(0.5 * dimension * LN_2PI);
    NDArray max = terms.max(new int[] {1}, true).stopGradient();
    return terms.sub(max).exp().sum(new int[] {1}).log().add(max.reshape(b));
  }

  private NDArray eyeOf(NDManager m) {
    float[] eye = new float[dimension * dimension];
    for (int i = 0; i < dimension; i++) {
      eye[i * dimension + i] = 1f;
    }
    return m.create(eye, new Shape(1, 1, dimension, dimension)).toType(DataType.FLOAT32, false);
  }

  /**
   * The mixture of example {@code row} from the flattened outputs of {@link #mixture}: logits
   * (B*K), means (B*K*D), factors (B*K*D*D).
   */
  public GaussianMixture toMixture(float[] logits, float[] means, float[] factors, int row) {
    int k = components;
    int d = dimension;
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      max = Math.max(max, logits[row * k + c]);
    }
    double[] w = new double[k];
    double total = 0;
    for (int c = 0; c < k; c++) {
      w[c] = Math.exp(logits[row * k + c] - max);
      total += w[c];
    }
    double[][] mu = new double[k][d];
    double[][][] f = new double[k][d][d];
    for (int c = 0; c < k; c++) {
      w[c] /= total;
      for (int i = 0; i < d; i++) {
        mu[c][i] = means[(row * k + c) * d + i];
        for (int j = 0; j < d; j++) {
          f[c][i][j] = factors[((row * k + c) * d + i) * d + j];
        }
      }
    }
    return new GaussianMixture(w, mu, f);
  }
}
