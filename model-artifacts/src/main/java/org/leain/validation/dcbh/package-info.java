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
 * {@link org.leain.validation.dcbh.RealSpectrumSection} adds the sim-to-real check: both networks'
 * posteriors for the real UNCOVER 45924 PRISM spectrum (no strain) beside its known redshift and
 * black-hole mass.
 *
 * <p>Inputs to the network: the simulator's observation goes in exactly as training builds its
 * examples (org.leain.training.SimulatorExamples and TrainingRun.withNoise): SED flux, error and mask
 * on the simulator's grid, whitened strain A then E channel-major with the strain mask, no strain
 * when the event has none; the flux normalisation is the estimator's own (the manifest's). The
 * simulator's noise ({@code Simulator.addNoise}) is the noise training draws.
 */
package org.leain.validation.dcbh;
