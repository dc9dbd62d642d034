/**
 * The two posterior networks and their shared input encoding.
 *
 * <p><b>LEAIN</b> ({@link org.leain.posterior.network.LeainNetwork}): an exactly equivariant frame
 * estimator per modality (eta_hat = ln(1 + z_hat) from the SED flux; ln M_det_hat from the strain),
 * canonicalisation of every channel of each modality into a rest-frame canvas that covers the whole
 * prior range of the frame, a 1D CNN backbone per modality, an MLP fusion, and the mixture head of
 * {@link org.leain.posterior.head}. The frame enters the head as an offset of the redshift
 * coordinate of every component mean in u-space (see the head package for why the density stays
 * exact) and as inputs of the fusion.
 *
 * <p><b>Baseline</b> ({@link org.leain.posterior.network.BaselineNetwork}): the proposal's
 * non-equivariant network: an MLP on the observed-frame SED channels, the same 1D CNN on the
 * observed-frame strain, concatenation, the same fusion and head, and a comparable parameter count.
 *
 * <p><b>Inputs</b> (both networks, built by {@link org.leain.posterior.network.InputEncoding}):
 * sed (B, 3, N) = [flux / scale, ln(flux_err / scale), window mask] on the model's ln-wavelength
 * grid, zero outside the mask, where scale is the mean of sqrt(flux^2 + err^2) over valid bins;
 * sedScalars (B, 1) = standardised ln scale; strain (B, C+1, M) = [asinh of the whitened strain channels (TDI A, E), mask];
 * strainPresent (B, 1) in {0, 1}. A spectrum joined with a real LVK alert has no strain: strain and
 * mask are zero and strainPresent is 0, and every strain feature is multiplied by it.
 *
 * <p><b>Outputs</b>: [logits (B,K), means (B,K,D), precision Cholesky (B,K,D,D), frames (B,2)] with
 * frames = [eta_hat, ln M_det_hat * strainPresent] (zeros for the baseline).
 */
package org.leain.posterior.network;
