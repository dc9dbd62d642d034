package org.leain.training;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.Posterior;
import org.leain.posterior.PosteriorEstimator;
import org.leain.posterior.PosteriorModel;
import org.leain.posterior.SpectrumArrays;
import org.leain.posterior.StrainArrays;

/**
 * Writes the artifacts of a finished run: manifest.json (with the sha256 of the weights and the
 * check values), check-input.json and training-curve.png.
 */
public final class ModelWriter {

  public static final String CHECK_INPUT_FILE = "check-input.json";
  public static final String CURVE_FILE = "training-curve.png";

  /** The fixed input of the check values, on the model's grids. */
  public record CheckInput(
      double[] wavelengthUm,
      double[] fluxUjy,
      double[] fluxErrUjy,
      boolean[] mask,
      float[] whitenedStrain,
      boolean[] strainMask,
      double[] theta) {

    public SpectrumArrays spectrum() {
      return new SpectrumArrays(wavelengthUm, fluxUjy, fluxErrUjy, mask);
    }

    public StrainArrays strain() {
      return new StrainArrays(whitenedStrain, strainMask);
    }
  }

  private ModelWriter() {}

  /** Writes every artifact into {@code dir} (which already holds weights.params). */
  public static ModelManifest write(Path dir, String name, ExampleGenerator generator,
      TrainingOptions options, TrainingRun.Result result) throws IOException {
    Path weights = dir.resolve(TrainingRun.WEIGHTS_FILE);
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("validation_nll_theta_nats", result.bestValidationNll());
    metrics.put("final_train_loss_u_nats", result.lastTrainLoss());
    ModelManifest.Training training = new ModelManifest.Training(options.seed(),
        generator.description(), options.simulations(), options.trainExamples(),
        options.validationExamples(), result.epochs(), options.batchSize(), options.learningRate(),
        options.strainDropout(), result.wallSeconds(), result.stoppedBecause(), machine());
    ModelManifest draft = new ModelManifest(name, ModelManifest.FORMAT, result.network(),
        generator.parameters(), generator.sedGrid(), generator.strainGrid(), result.normalisation(),
        TrainingRun.WEIGHTS_FILE, PosteriorModel.sha256(weights), result.parameterCount(),
        training, metrics, null);
    Path manifestPath = dir.resolve(ModelManifest.FILE);
    draft.write(manifestPath);

    CheckInput input = checkInput(generator, options.seed());
    ModelManifest.json().writeValue(dir.resolve(CHECK_INPUT_FILE).toFile(), input);
    ModelManifest.CheckValues check;
    try (PosteriorModel model = PosteriorModel.load(dir);
        PosteriorEstimator estimator = model.newEstimator()) {
      Posterior full = estimator.infer(input.spectrum(), input.strain());
      Posterior sedOnly = estimator.infer(input.spectrum(), null);
      check = new ModelManifest.CheckValues(CHECK_INPUT_FILE, input.theta(),
          full.logDensity(input.theta()), sedOnly.logDensity(input.theta()), full.summaries());
    }
    ModelManifest manifest = new ModelManifest(name, ModelManifest.FORMAT, draft.network(),
        draft.parameters(), draft.sedGrid(), draft.strainGrid(), draft.normalisation(),
        draft.weightsFile(), draft.weightsSha256(), draft.parameterCount(), training, metrics, check);
    manifest.write(manifestPath);
    writeCurve(dir.resolve(CURVE_FILE), name, result.history());
    return manifest;
  }

  /** A fixed noisy example (beyond the training indices) with its strain, on the model's grids. */
  static CheckInput checkInput(ExampleGenerator generator, long seed) {
    TrainingExample clean = generator.example(seed + 1, 999_999_937L);
    TrainingExample noisy = TrainingRun.withNoise(clean, new SplittableRandom(seed + 99), false);
    ModelManifest.Grid grid = generator.sedGrid();
    int n = grid.size();
    double[] wave = new double[n];
    double[] flux = new double[n];
    double[] err = new double[n];
    boolean[] mask = new boolean[n];
    for (int i = 0; i < n; i++) {
      wave[i] = Math.exp(grid.lnFirst() + (i + 0.5) * grid.lnStep());
      flux[i] = noisy.fluxUjy()[i];
      err[i] = noisy.fluxErrUjy()[i];
      mask[i] = noisy.sedMask()[i] > 0.5f;
    }
    boolean[] strainMask = new boolean[noisy.strainMask().length];
    for (int i = 0; i < strainMask.length; i++) {
      strainMask[i] = noisy.strainMask()[i] > 0.5f;
    }
    return new CheckInput(wave, flux, err, mask, noisy.strain(), strainMask, noisy.theta());
  }

  static void writeCurve(Path file, String name, List<TrainingRun.EpochRecord> history)
      throws IOException {
    if (history.isEmpty()) {
      return;
    }
    List<Double> epochs = new ArrayList<>();
    List<Double> train = new ArrayList<>();
    List<Double> val = new ArrayList<>();
    for (TrainingRun.EpochRecord r : history) {
      epochs.add((double) r.epoch());
      train.add(r.trainLoss());
      val.add(r.validationNll());
    }
    XYChart chart = new XYChartBuilder().width(800).height(500).title(name + " training curve")
        .xAxisTitle("epoch").yAxisTitle("nats").build();
    chart.addSeries("train loss (u-space NLL + frame aid)", epochs, train);
    chart.addSeries("validation NLL (theta-space)", epochs, val);
    String path = file.toString();
    BitmapEncoder.saveBitmap(chart, path.substring(0, path.length() - 4),
        BitmapEncoder.BitmapFormat.PNG);
  }

  static String machine() {
    String model = "unknown CPU";
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          model = line.substring(line.indexOf(':') + 1).strip();
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // Keep the placeholder: the machine string is informative only.
    }
    return model + ", " + Runtime.getRuntime().availableProcessors() + " cores";
  }
}
