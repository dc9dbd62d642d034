/**
 * The parameter space of the DCBH forward model and its prior.
 *
 * <p>{@link org.leain.sim.prior.Parameter} names each parameter with its unit and range;
 * {@link org.leain.sim.prior.Theta} is one point; {@link org.leain.sim.prior.Prior} samples and
 * evaluates the uniform prior. Any unbounded reparameterisation (logit per parameter) belongs to
 * the network, not here.
 */
package org.leain.sim.prior;
