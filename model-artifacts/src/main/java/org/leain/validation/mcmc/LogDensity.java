package org.leain.validation.mcmc;

/**
 * An unnormalised log probability density on R^d, the target of {@link EnsembleSampler}.
 *
 * <p>Contract: {@link #logDensity(double[])} returns log p~(x) up to an additive constant, or
 * {@code Double.NEGATIVE_INFINITY} where the density is zero; it never returns NaN or +infinity and
 * does not modify {@code x}. It must be safe to call from several threads at once (the sampler
 * evaluates the proposals of one half-ensemble in parallel) and deterministic for a given x.
 */
public interface LogDensity {

  /** log p~(x) up to a constant; {@code -infinity} outside the support. */
  double logDensity(double[] x);

  /** The number of parameters d. */
  int dimension();
}
