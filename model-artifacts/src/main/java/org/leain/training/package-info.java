/**
 * Training of the posterior networks and the committed model artifacts.
 *
 * <p>Neural posterior estimation: for simulated pairs (theta, x) the loss is -ln q(u(theta) | x) in
 * the unbounded u-space of the prior box (the Jacobian of the bounded transform does not depend on
 * the network, so minimising it is minimising the theta-space NLL, which is what validation
 * reports). Datasets hold noise-free signals with their error vectors; every epoch draws fresh
 * Gaussian noise, which is exactly the likelihood's noise model. The strain modality is dropped for
 * a fraction of examples (default 30%) so the SED-only posterior is trained and calibrated too.
 * LEAIN also gets an auxiliary loss that pulls its frames towards ln(1+z) and ln M_det (a training
 * aid only; the frames stay exactly equivariant whatever their weights).
 *
 * <p>Runs are resumable (a checkpoint after every epoch holds the weights, Adam's moments and the
 * learning rate, so a resumed run continues exactly as an uninterrupted one), bounded by a
 * wall-time budget, and stop
 * early when the validation NLL stops improving. The output directory holds the DJL weights,
 * manifest.json (see {@link org.leain.posterior.ModelManifest}), check-input.json with the check
 * values in the manifest, and training-curve.png.
 */
package org.leain.training;
