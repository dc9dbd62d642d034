/**
 * The posterior head: a mixture of K full-covariance Gaussians over the unbounded
 * reparameterisation of the prior box.
 *
 * <p><b>Bounded transform.</b> Every output parameter theta_i lives in a prior interval
 * [lo_i, hi_i]. The head works in u-space, u_i = logit((w(theta_i) - w(lo_i)) / (w(hi_i) - w(lo_i))),
 * where the warp w is the identity for all parameters except the redshift, for which
 * w(z) = ln(1 + z) = eta, the rapidity-like variable that a redshift translates on a ln-wavelength
 * grid. The density in theta-space is exact:
 * {@code log q(theta | x) = log q_u(u(theta) | x) + sum_i log |du_i/dtheta_i|}, and samples
 * {@code theta = u^-1(u)} always lie inside the prior box, because the inverse logit maps the real
 * line into (0, 1).
 *
 * <p><b>Mixture.</b> Each component k has a weight (softmax of logits), a mean mu_k and an
 * upper-triangular Cholesky factor U_k of its <em>precision</em> (Sigma_k^-1 = U_k^T U_k, positive
 * diagonal). With the precision factor the log-density needs only a matrix-vector product,
 * {@code log N(u; mu, Sigma) = -D/2 ln 2pi + sum_i ln U_ii - |U (u - mu)|^2 / 2}, which DJL can
 * compose (it has no cholesky, triangular-solve or tril op); the log-sum-exp over components is
 * composed from logSoftmax. Samples solve U x = e by back substitution in plain Java.
 *
 * <p><b>Composition with the frame.</b> LEAIN predicts the frame eta_hat = ln(1 + z_hat)
 * equivariantly; the network adds u_eta(eta_hat) to the redshift coordinate of every component mean
 * and the head learns the residual. Given x, eta_hat is a constant, so this translation of u has unit
 * Jacobian, and the only Jacobian between u and theta is that of the bounded transform above.
 */
package org.leain.posterior.head;
