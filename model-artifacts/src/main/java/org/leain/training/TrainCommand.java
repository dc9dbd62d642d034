package org.leain.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./leain train}: trains LEAIN or the baseline and writes a model directory. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Train the LEAIN or baseline posterior network on simulations and write "
        + "model-artifacts/models/NAME (weights, manifest.json, check values, training curve).")
public final class TrainCommand implements Callable<Integer> {

  /** Where the examples come from. */
  static final class Source {
    @Option(names = "--data", description = "Dataset file written by ./leain simulate.")
    Path data;

    @Option(names = "--sims", description = "Simulate this many examples on the fly.")
    Integer sims;
  }

  @Option(names = "--model", required = true, description = "leain or baseline.")
  String model;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--epochs", defaultValue = "40", description = "Largest number of epochs.")
  int epochs;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of data, noise and weights.")
  long seed;

  @Option(names = "--out", required = true, description = "Output model directory.")
  Path out;

  @Option(names = "--resume", description = "Continue from the checkpoint in --out.")
  boolean resume;

  @Option(names = "--max-minutes", defaultValue = "60", description = "Wall-time budget.")
  double maxMinutes;

  @Option(names = "--batch", defaultValue = "256", description = "Batch size.")
  int batch;

  @Option(names = "--lr", defaultValue = "1e-3", description = "Initial learning rate.")
  double learningRate;

  @Option(names = "--patience", defaultValue = "5", description = "Early-stopping patience (epochs).")
  int patience;

  @Option(names = "--strain-dropout", defaultValue = "0.3",
      description = "Fraction of examples trained without the strain.")
  double strainDropout;

  @Option(names = "--validation-fraction", defaultValue = "0.05",
      description = "Fraction of the simulations held out for validation.")
  double validationFraction;

  @Override
  public Integer call() throws Exception {
    TorchThreads.useUnlessSet(2);
    SimulatorExamples examples;
    int simulations;
    if (source.data != null) {
      examples = SimulatorExamples.fromDataset(source.data);
      simulations = (int) Math.min(Integer.MAX_VALUE, examples.datasetSize());
    } else {
      examples = SimulatorExamples.onTheFly();
      simulations = source.sims;
    }
    TrainingOptions options = new TrainingOptions(model, simulations, validationFraction, epochs,
        batch, learningRate, strainDropout, patience, maxMinutes, seed, resume, 0);
    Files.createDirectories(out);
    TrainingRun.Result result = new TrainingRun(examples, options, out, System.err).run();
    String name = out.toAbsolutePath().normalize().getFileName().toString();
    ModelWriter.write(out, name, examples, options, result);
    System.err.printf("[%s] done: %d epochs, best validation NLL %.4f nats, %.1f min (%s); wrote %s%n",
        model, result.epochs(), result.bestValidationNll(), result.wallSeconds() / 60,
        result.stoppedBecause(), out);
    return 0;
  }

  /** Runs the command alone (the usual entry point is {@code ./leain train}). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new TrainCommand()).execute(args));
  }
}
