/**
 * The public face of the posterior networks: load a committed model, run it on an event, read the
 * posterior.
 *
 * <p>{@link org.leain.posterior.PosteriorModel#load} reads {@code model-artifacts/models/<name>/}
 * (manifest.json and the DJL parameter file), checks the weights' sha256, rebuilds the block from the
 * manifest's architecture (DJL cannot export TorchScript) and loads the weights. A model is shared by
 * all threads; each thread that runs inference creates its own
 * {@link org.leain.posterior.PosteriorEstimator} with {@link org.leain.posterior.PosteriorModel#newEstimator()}
 * (a DJL Predictor is not thread-safe). An estimator takes a spectrum (any wavelength sampling: it is
 * resampled flux-conservingly onto the model's grid) and an optional whitened strain, and returns a
 * {@link org.leain.posterior.Posterior}: exact log-density at any theta, seeded samples, per-parameter
 * summaries and the mixture parameters.
 *
 * <p>The 7 output parameters are those of the simulator's prior except the coalescence phase, which
 * is marginalised: z, log10 M_BH, log10 lambda_Edd, log10 M_halo, log10 J21, log10 Z/Zsun, q.
 */
package org.leain.posterior;
