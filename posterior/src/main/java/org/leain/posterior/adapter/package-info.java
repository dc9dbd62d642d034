/**
 * Input adapters: bring real spectra onto the model's grid.
 *
 * <p>A real NIRSpec PRISM spectrum is sampled on the instrument's pixel grid, which is not uniform
 * in ln(lambda). {@link org.leain.posterior.adapter.SpectrumResampler} rebins it onto the model's
 * ln-uniform grid by bin-overlap weighted averaging of f_nu: every input pixel is a bin bounded by
 * the midpoints to its neighbours; output bin k gets {@code f_k = sum_j w_jk f_j / sum_j w_jk} with
 * w_jk the wavelength overlap of input bin j and output bin k over the valid input pixels (finite
 * flux, finite positive error, mask set). This conserves the integral of f_nu over wavelength, and
 * the errors propagate as independent Gaussian errors do: {@code sigma_k = sqrt(sum_j w_jk^2
 * sigma_j^2) / sum_j w_jk}. Output bins with no valid coverage are masked.
 */
package org.leain.posterior.adapter;
