package org.leain.validation.dcbh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leain.sim.Simulator;
import org.leain.validation.mcmc.McmcConfig;
import org.leain.validation.report.ValidationReport;
import org.leain.validation.run.ValidationResults;
import org.leain.validation.run.ValidationRun;
import org.leain.validation.run.ValidationSettings;
import org.leain.validation.run.ValidationSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./leain validate}: the proposal's criteria, measured for a LEAIN model against a baseline
 * on simulated test events, with the tempered MCMC gold standard on the first events.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Validate a LEAIN model against a baseline and the MCMC gold standard: NLTP, KL (DINGO-IS), "
        + "coverage, TARP, SBC, C2ST, speed-up; writes report.md, summary.json and plots.")
public final class ValidateCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, description = "LEAIN model folder (manifest.json + weights)")
  Path model;

  @Option(names = "--baseline", required = true, description = "Baseline model folder")
  Path baseline;

  @Option(names = "--n-test", defaultValue = "2000", description = "Test events (default: ${DEFAULT-VALUE})")
  int nTest;

  @Option(names = "--n-mcmc", defaultValue = "20", description = "Events with the MCMC gold standard (default: ${DEFAULT-VALUE})")
  int nMcmc;

  @Option(names = "--seed", defaultValue = "2026", description = "Seed (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--mcmc-cap-s", defaultValue = "600", description = "MCMC wall-time cap per event, s (default: ${DEFAULT-VALUE})")
  long capSeconds;

  @Option(names = "--out", required = true, description = "Output folder")
  Path out;

  @Override
  public Integer call() throws Exception {
    SimulatorProblem problem = SimulatorProblem.noisy(Simulator.standard());
    McmcConfig mcmc = McmcConfig.tempered(problem.box().dimension())
        .withCaps(McmcConfig.defaults(problem.box().dimension()).maxStepsPerRun(), Duration.ofSeconds(capSeconds));
    ValidationSettings settings = ValidationSettings.of(nTest, nMcmc, mcmc, seed);
    ValidationResults results;
    try (NetworkPosterior leain = NetworkPosterior.load(model, problem.parameterNames());
        NetworkPosterior base = NetworkPosterior.load(baseline, problem.parameterNames())) {
      results = ValidationRun.run(problem, leain, base, settings);
    }
    ValidationReport.write(results, out);
    ValidationSummary s = results.summary();
    System.out.printf(Locale.ROOT, "NLTP %.4f (baseline %.4f); KL reduction %.3f; coverage90 %.4f; speed-up %.3g x; "
        + "report in %s%n", s.nltpLeain(), s.nltpBaseline(), s.klReduction(), s.coverage90Leain(), s.speedupMedian(),
        out.resolve("report.md"));
    return 0;
  }
}
