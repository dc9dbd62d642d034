/**
 * The DCBH forward model: {@link org.leain.sim.Simulator} maps parameters
 * ({@link org.leain.sim.prior.Theta}) to an {@link org.leain.sim.Observation} (PRISM spectrum with
 * errors, whitened two-channel LISA-like strain, optionally a mock localization), and
 * {@link org.leain.sim.Likelihood} is its exact log-likelihood with the coalescence phase
 * marginalised. The physics is documented in simulator/PHYSICS.md and in the sub-packages
 * ({@code sed}, {@code gw}, {@code localization}); datasets for training are in {@code dataset}.
 */
package org.leain.sim;
