package org.leain.validation.metrics;

/**
 * A posterior q(theta | x) for one observation x (one event), as the metrics need it: draws and a normalised
 * log density in theta-space (any Jacobian of an internal reparameterisation already applied).
 * The network's posterior is wrapped in this by an adapter; analytic posteriors implement it in tests.
 *
 * <p>Contract: {@link #sample(int, long)} is deterministic for a seed; {@link #logDensity(double[])}
 * is normalised over theta (it integrates to 1 over the support), returns -infinity outside it.
 */
public interface EventPosterior {

  int dimension();

  /** n independent draws, {@code [draw][parameter]}. */
  double[][] sample(int n, long seed);

  /** log q(theta | x), normalised. */
  double logDensity(double[] theta);

  /** log q of every row; override to batch (e.g. one network call). */
  default double[] logDensity(double[][] thetas) {
    double[] out = new double[thetas.length];
    for (int i = 0; i < thetas.length; i++) {
      out[i] = logDensity(thetas[i]);
    }
    return out;
  }
}
