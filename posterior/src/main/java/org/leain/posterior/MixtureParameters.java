package org.leain.posterior;

/**
 * The posterior as the network gives it: a Gaussian mixture in the unbounded u-space of the prior
 * box (u_i = logit of the parameter's position in its prior interval, after ln(1+z) for the
 * redshift), for consumers that want the exact density without this library.
 *
 * @param parameterNames order of the dimensions
 * @param weights K component weights
 * @param means [K][D] component means in u-space
 * @param covarianceCholesky [K][D][D] lower-triangular L with Sigma = L L^T
 */
public record MixtureParameters(
    java.util.List<String> parameterNames,
    double[] weights,
    double[][] means,
    double[][][] covarianceCholesky) {}
