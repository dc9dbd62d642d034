package org.leain.validation.dcbh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leain.sim.Simulator;
import org.leain.training.TorchThreads;
import org.leain.validation.mcmc.McmcConfig;
import org.leain.validation.report.ValidationReport;
import org.leain.validation.run.ValidationResults;
import org.leain.validation.run.ValidationRun;
import org.leain.validation.run.ValidationSettings;
import org.leain.validation.run.ValidationSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

  @Option(names = "--mcmc-deadline", description = "Start no MCMC event after this UTC instant, e.g. "
      + "2026-11-24T00:55:00Z (the report states how many ran)")
  Instant mcmcDeadline;

  @Option(names = "--real-spectrum", description = "Real JWST spectrum CSV for the sim-to-real check (default: "
      + "the UNCOVER 45924 PRISM spectrum in data/jwst/)")
  Path realSpectrum;

  @Option(names = "--modalities", defaultValue = "sed+strain", description = "Test events' inputs: sed+strain "
      + "(simulated events with strain) or sed (no strain, as a spectrum joined to a real LVK alert) "
      + "(default: ${DEFAULT-VALUE})")
  String modalities;

  @Spec
  CommandLine.Model.CommandSpec spec;

  static final String UNCOVER_CSV = "data/jwst/uncover-v4_prism-clear_2561_45924.spec1d.csv";

  @Override
  public Integer call() throws Exception {
    // The MCMC runs on the other core; the networks get one PyTorch thread.
    TorchThreads.useUnlessSet(1);
    SimulatorProblem problem = switch (modalities) {
      case "sed+strain" -> SimulatorProblem.noisy(Simulator.standard());
      case "sed" -> SimulatorProblem.noisySedOnly(Simulator.standard());
      default -> throw new CommandLine.ParameterException(spec.commandLine(),
          "Expected --modalities sed+strain or sed. Actual: " + modalities);
    };
    McmcConfig mcmc = McmcConfig.tempered(problem.box().dimension())
        .withCaps(McmcConfig.defaults(problem.box().dimension()).maxStepsPerRun(), Duration.ofSeconds(capSeconds));
    ValidationSettings settings = ValidationSettings.of(nTest, nMcmc, mcmc, seed);
    String load0 = loadAverage();
    Instant started = Instant.now();
    Path real = realSpectrum != null ? realSpectrum : repoRoot().resolve(UNCOVER_CSV);
    ValidationResults results;
    String preamble;
    String appendix;
    try (NetworkPosterior leain = NetworkPosterior.load(model, problem.parameterNames());
        NetworkPosterior base = NetworkPosterior.load(baseline, problem.parameterNames())) {
      System.err.printf(Locale.ROOT, "validate: models %s (weights sha256 %s) and %s (%s); load average %s%n",
          leain.name(), leain.weightsSha256(), base.name(), base.weightsSha256(), load0);
      results = ValidationRun.run(problem, leain, base, settings,
          mcmcDeadline == null ? Instant.MAX : mcmcDeadline, System.err);
      appendix = RealSpectrumSection.markdown(real, problem.parameterNames(), leain, base);
      preamble = String.format(Locale.ROOT, "- LEAIN model `%s`, weights sha256 `%s`%n- baseline model `%s`, weights "
          + "sha256 `%s`%n- command: `%s`%n- run from %s to %s; machine: %d cores (%s), load average at start %s, "
          + "at end %s (a shared machine: wall times, and so the speed-up, depend on it)%n%n",
          model, leain.weightsSha256(), baseline, base.weightsSha256(), commandLine(), started, Instant.now(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), load0, loadAverage());
    }
    ValidationReport.write(results, out, preamble, appendix);
    ValidationSummary s = results.summary();
    System.out.printf(Locale.ROOT, "NLTP %.4f (baseline %.4f); KL reduction %.3f; coverage90 %.4f; speed-up %.3g x; "
        + "report in %s%n", s.nltpLeain(), s.nltpBaseline(), s.klReduction(), s.coverage90Leain(), s.speedupMedian(),
        out.resolve("report.md"));
    return 0;
  }

  private String commandLine() {
    return String.format(Locale.ROOT, "./leain validate --model %s --baseline %s --n-test %d --n-mcmc %d --seed %d "
        + "--mcmc-cap-s %d --modalities %s --out %s%s", model, baseline, nTest, nMcmc, seed, capSeconds, modalities, out,
        mcmcDeadline == null ? "" : " --mcmc-deadline " + mcmcDeadline);
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2] + " (1/5/15 min)";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** The repository root: the system property leain.root, else the nearest parent holding data/. */
  static Path repoRoot() {
    String root = System.getProperty("leain.root");
    if (root != null) {
      return Path.of(root);
    }
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("data"))) {
      p = p.getParent();
    }
    return p == null ? Path.of("") : p;
  }
}
