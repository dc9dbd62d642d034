package org.leain.training.efficiency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.PosteriorModel;
import org.leain.training.ModelWriter;
import org.leain.training.SimulatorExamples;
import org.leain.training.TorchThreads;
import org.leain.training.TrainingOptions;
import org.leain.training.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./leain data-efficiency}: trains LEAIN and the baseline at each training-set size (the
 * same simulations for both), scores every finished run by NLTP on one fixed held-out set and
 * writes results.json, results.md and nltp-vs-size.png. Re-running skips finished runs and resumes
 * interrupted ones; {@code --evaluate-only} just re-scores and rewrites the report.
 */
@Command(name = "data-efficiency", mixinStandardHelpOptions = true,
    description = "Issue #5's data-efficiency study: train LEAIN and the baseline on nested simulation sets, "
        + "score NLTP on the same held-out simulations, write a table and a plot. Resumable.")
public final class DataEfficiencyCommand implements Callable<Integer> {

  /** Confidence level of every interval in the report. */
  static final double LEVEL = 0.9;

  @Option(names = "--sizes", split = ",", defaultValue = "10000,30000,100000",
      description = "Training-set sizes in simulations (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--models", split = ",", defaultValue = "leain,baseline",
      description = "Models of the study (default: ${DEFAULT-VALUE}).")
  List<String> models;

  @Option(names = "--budget-min", split = ",", defaultValue = "8,15,30",
      description = "Wall-time budget per run in minutes: one per size, or one for all (default: ${DEFAULT-VALUE}).")
  List<Double> budgetMinutes;

  @Option(names = "--train-only", description = "Train only this model's runs (e.g. to train the two models in "
      + "two processes); the report still covers every model.")
  String trainOnly;

  @Option(names = "--reference", split = ",", description = "Model folders trained outside the study (e.g. "
      + "model-artifacts/models/leain-v1,model-artifacts/models/baseline-v1) to score on the same held-out set "
      + "and list as reference rows.")
  List<Path> references = new ArrayList<>();

  @Option(names = "--evaluate-only", description = "Train nothing: re-score the finished runs and rewrite the report.")
  boolean evaluateOnly;

  @Option(names = "--held-out", defaultValue = "2000", description = "Held-out test simulations (default: ${DEFAULT-VALUE}).")
  int heldOut;

  @Option(names = "--held-out-seed", defaultValue = "2026",
      description = "Seed of the held-out set, as ./leain validate --seed (default: ${DEFAULT-VALUE}).")
  long heldOutSeed;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the training simulations, noise and weights "
      + "(default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--batch", defaultValue = "128", description = "Batch size (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--patience", defaultValue = "5", description = "Early-stopping patience in epochs "
      + "(default: ${DEFAULT-VALUE}).")
  int patience;

  @Option(names = "--epochs", defaultValue = "1000", description = "Largest number of epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--max-steps-per-epoch", defaultValue = "0", description = "Cap on steps per epoch, 0 for full "
      + "passes (for smoke tests; default: ${DEFAULT-VALUE}).")
  int maxStepsPerEpoch;

  @Option(names = "--out", required = true, description = "Study folder (e.g. model-artifacts/studies/data-efficiency).")
  Path out;

  /** Where progress goes (tests capture it). */
  java.io.PrintStream progress = System.err;

  private static final double VALIDATION_FRACTION = 0.05;
  private static final double LEARNING_RATE = 1e-3;
  private static final double STRAIN_DROPOUT = 0.3;

  @Override
  public Integer call() throws Exception {
    TorchThreads.useUnlessSet(1);
    List<StudyRun> plan = plan();
    Files.createDirectories(out);
    int largest = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
    progress.printf(Locale.ROOT, "[study] %d runs planned in %s; simulating %d held-out events (seed %d)...%n",
        plan.size(), out, heldOut, heldOutSeed);
    HeldOutSet test = HeldOutSet.draw(heldOut, heldOutSeed);
    test.requireDisjointFrom(seed, largest);
    SharedExamples examples = new SharedExamples(SimulatorExamples.onTheFly(), seed, largest);
    if (!evaluateOnly) {
      for (int k = 0; k < plan.size(); k++) {
        StudyRun run = plan.get(k);
        if (trainOnly != null && !trainOnly.equals(run.model())) {
          continue;
        }
        Path dir = out.resolve(run.directoryName());
        if (Files.exists(dir.resolve(RunOutcome.FILE))) {
          progress.printf(Locale.ROOT, "[study] run %d/%d %s: finished earlier, skipped%n", k + 1, plan.size(),
              run.directoryName());
          continue;
        }
        train(run, dir, examples, k, plan.size());
        report(plan, test);
      }
    }
    List<StudyReport.Row> rows = report(plan, test);
    long finished = rows.stream().filter(r -> r.reference() == null && r.outcome() != null).count();
    progress.printf(Locale.ROOT, "[study] %d of %d runs finished; report in %s%n", finished, plan.size(),
        out.resolve(StudyReport.TABLE_FILE));
    System.out.print(Files.readString(out.resolve(StudyReport.TABLE_FILE)));
    return 0;
  }

  /** Sizes ascending, every model at each size, so a partial study has whole sizes first. */
  List<StudyRun> plan() {
    if (budgetMinutes.size() != 1 && budgetMinutes.size() != sizes.size()) {
      throw new IllegalArgumentException("Expected one budget or one per size. Actual: " + budgetMinutes.size()
          + " budgets for " + sizes.size() + " sizes");
    }
    List<Integer> ascending = sizes.stream().sorted().toList();
    List<StudyRun> plan = new ArrayList<>();
    for (int size : ascending) {
      double budget = budgetMinutes.size() == 1 ? budgetMinutes.get(0) : budgetMinutes.get(sizes.indexOf(size));
      for (String model : models) {
        plan.add(new StudyRun(model, size, budget));
      }
    }
    return plan;
  }

  private void train(StudyRun run, Path dir, SharedExamples examples, int k, int n) throws IOException {
    TrainingRun.Checkpoint checkpoint = TrainingRun.checkpoint(dir);
    progress.printf(Locale.ROOT, "[study] run %d/%d %s, budget %.1f min: %s%n", k + 1, n, run.directoryName(),
        run.budgetMinutes(), checkpoint == null ? "starting"
            : String.format(Locale.ROOT, "resuming after epoch %d (%.1f min done)", checkpoint.epoch(),
                checkpoint.elapsedSeconds() / 60));
    Files.createDirectories(dir);
    TrainingOptions options = new TrainingOptions(run.model(), run.simulations(), VALIDATION_FRACTION, epochs,
        batch, LEARNING_RATE, STRAIN_DROPOUT, patience, run.budgetMinutes(), seed, checkpoint != null,
        maxStepsPerEpoch);
    TrainingRun.Result result = new TrainingRun(examples, options, dir, progress).run();
    ModelWriter.write(dir, run.directoryName(), examples, options, result);
    RunOutcome outcome = new RunOutcome(run.model(), run.simulations(), options.trainExamples(),
        options.validationExamples(), run.budgetMinutes(), result.epochs(), result.wallSeconds(),
        result.stoppedBecause(), result.bestValidationNll(), PosteriorModel.sha256(dir.resolve("weights.params")));
    ModelManifest.json().writerWithDefaultPrettyPrinter().writeValue(dir.resolve(RunOutcome.FILE).toFile(), outcome);
    progress.printf(Locale.ROOT, "[study] run %d/%d %s done: %d epochs, %.1f min, %s%n", k + 1, n,
        run.directoryName(), outcome.epochs(), outcome.wallSeconds() / 60, outcome.stoppedBecause());
  }

  /** Scores every finished run on the held-out set and rewrites the report; returns its rows. */
  private List<StudyReport.Row> report(List<StudyRun> plan, HeldOutSet test) throws IOException {
    List<StudyReport.Row> rows = new ArrayList<>();
    for (StudyRun run : plan) {
      Path dir = out.resolve(run.directoryName());
      Path marker = dir.resolve(RunOutcome.FILE);
      if (Files.exists(marker)) {
        RunOutcome outcome = ModelManifest.json().readValue(marker.toFile(), RunOutcome.class);
        double[] nll = test.negativeLogProbabilities(dir);
        MeanInterval nltp = MeanInterval.of(nll, LEVEL, test.seed() + run.simulations());
        TrainingRun.Checkpoint state = TrainingRun.checkpoint(dir);
        rows.add(new StudyReport.Row(run, null, "finished", outcome, nltp, nll,
            state == null ? List.of() : state.history()));
        continue;
      }
      TrainingRun.Checkpoint checkpoint = TrainingRun.checkpoint(dir);
      String status = checkpoint == null ? "not started"
          : String.format(Locale.ROOT, "in progress (epoch %d, %.1f min)", checkpoint.epoch(),
              checkpoint.elapsedSeconds() / 60);
      rows.add(new StudyReport.Row(run, null, status, null, null, null,
          checkpoint == null ? List.of() : checkpoint.history()));
    }
    for (Path dir : references) {
      rows.add(referenceRow(dir, test));
    }
    StudyReport.write(out, settings(), rows, LEVEL);
    return rows;
  }

  /** A model trained outside the study (e.g. the committed v1 models), scored on the same held-out set. */
  private static StudyReport.Row referenceRow(Path dir, HeldOutSet test) throws IOException {
    ModelManifest manifest = ModelManifest.read(dir.resolve(ModelManifest.FILE));
    ModelManifest.Training t = manifest.training();
    String kind = manifest.network().kind();
    RunOutcome outcome = new RunOutcome(kind, t.simulations(), t.trainExamples(), t.validationExamples(),
        t.wallSeconds() / 60, t.epochs(), t.wallSeconds(), t.stoppedBecause(),
        manifest.metrics().getOrDefault("validation_nll_theta_nats", Double.NaN), manifest.weightsSha256());
    double[] nll = test.negativeLogProbabilities(dir);
    return new StudyReport.Row(new StudyRun(kind, t.simulations(), t.wallSeconds() / 60), manifest.name(),
        "reference", outcome, MeanInterval.of(nll, LEVEL, test.seed() + t.simulations()), nll, List.of());
  }

  private StudyReport.Settings settings() {
    String command = String.format(Locale.ROOT, "./leain data-efficiency --sizes %s --models %s --budget-min %s "
        + "--held-out %d --held-out-seed %d --seed %d --batch %d --patience %d --out %s%s%s",
        join(sizes), String.join(",", models), join(budgetMinutes), heldOut, heldOutSeed, seed, batch, patience, out,
        maxStepsPerEpoch > 0 ? " --epochs " + epochs + " --max-steps-per-epoch " + maxStepsPerEpoch : "",
        references.isEmpty() ? "" : " --reference " + String.join(",", references.stream().map(Path::toString).toList()));
    return new StudyReport.Settings(command, heldOut, heldOutSeed, seed, batch, patience, VALIDATION_FRACTION,
        machine(), loadAverage());
  }

  private static String join(List<? extends Number> values) {
    return String.join(",", values.stream().map(v -> v instanceof Double d && d == Math.rint(d)
        ? String.valueOf(d.longValue()) : String.valueOf(v)).toList());
  }

  static String machine() {
    String model = "unknown CPU";
    int cores = 0;
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name") && model.equals("unknown CPU")) {
          model = line.substring(line.indexOf(':') + 1).strip();
        }
        if (line.startsWith("processor")) {
          cores++;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Informative only: keep the placeholder.
    }
    return String.format(Locale.ROOT, "%s, %d cores (%d used by this JVM)", model, cores,
        Runtime.getRuntime().availableProcessors());
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2] + " (1/5/15 min)";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** Runs the command alone (the usual entry point is {@code ./leain data-efficiency}). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new DataEfficiencyCommand()).execute(args));
  }
}
