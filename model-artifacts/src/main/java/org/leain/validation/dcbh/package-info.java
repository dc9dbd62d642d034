/**
 * The validation of the real system: {@link org.leain.validation.dcbh.SimulatorProblem} puts the
 * DCBH simulator and its exact likelihood (DESIGN.md section 5) behind the generic
 * {@link org.leain.validation.run.ValidationProblem}, and
 * {@link org.leain.validation.dcbh.NetworkPosterior} puts a trained network from
 * {@code model-artifacts/models/<name>/} behind {@link org.leain.validation.run.AmortizedPosterior};
 * {@link org.leain.validation.dcbh.ValidateCommand} ({@code ./leain validate}) runs
 * {@link org.leain.validation.run.ValidationRun} on them and writes the report. The MCMC gold
 * standard is run tempered ({@link org.leain.validation.mcmc.McmcConfig#tempered(int)}): the GW
 * likelihood has separated modes in (mass, mass ratio, redshift), see VALIDATION-NOTES.md.
 */
package org.leain.validation.dcbh;
