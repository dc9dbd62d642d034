package org.leain.training;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.PosteriorModel;
import org.leain.posterior.head.MixtureHead;
import org.leain.posterior.head.ParameterBox;
import org.leain.posterior.network.InputEncoding;
import org.leain.posterior.network.NetworkConfig;
import org.leain.posterior.network.Networks;

/**
 * One training run: simulate (or read) noise-free examples, train with fresh noise every epoch,
 * validate, checkpoint, stop early or at the wall-time budget, and leave the best weights in the
 * output directory. See the package documentation for the loss.
 *
 * <p>Not thread-safe; one run per JVM at a time (DJL allows one gradient collector per JVM).
 */
public final class TrainingRun {

  /** Weight of LEAIN's auxiliary frame loss. */
  static final double AUX_WEIGHT = 0.1;
  /** Frame errors that cost one unit of auxiliary loss: eta, ln M_det. */
  static final double ETA_SCALE = 0.2;
  static final double LN_MASS_SCALE = 1.0;
  static final String CHECKPOINT_DIR = "checkpoint";
  static final String WEIGHTS_FILE = "weights.params";
  /** Adam's moments and step counts, saved with every checkpoint (see {@link ResumableAdam}). */
  static final String OPTIMIZER_FILE = "optimizer.bin";

  /** Per-epoch record of the run. */
  public record EpochRecord(
      int epoch, double trainLoss, double validationNll, double learningRate, double elapsedSeconds) {}

  /** State written after every epoch, read by --resume. */
  public record Checkpoint(
      int epoch,
      double bestValidationNll,
      int epochsSinceBest,
      double learningRate,
      double elapsedSeconds,
      double lnScaleMean,
      double lnScaleStd,
      List<EpochRecord> history) {}

  /** What the run produced. */
  public record Result(
      NetworkConfig network,
      ModelManifest.Normalisation normalisation,
      long parameterCount,
      int epochs,
      double bestValidationNll,
      double lastTrainLoss,
      double wallSeconds,
      String stoppedBecause,
      List<EpochRecord> history) {}

  private final ExampleGenerator generator;
  private final TrainingOptions options;
  private final Path outDir;
  private final PrintStream progress;
  private final ParameterBox box;

  public TrainingRun(ExampleGenerator generator, TrainingOptions options, Path outDir,
      PrintStream progress) {
    this.generator = generator;
    this.options = options;
    this.outDir = outDir;
    this.progress = progress;
    this.box = ModelManifestBox.of(generator.parameters());
  }

  /**
   * The checkpoint state of an interrupted or finished run in {@code outDir}, or null when there
   * is none (a run there would start fresh; with one, {@code resume} continues it).
   */
  public static Checkpoint checkpoint(Path outDir) throws IOException {
    Path state = outDir.resolve(CHECKPOINT_DIR).resolve("state.json");
    return Files.exists(state) ? ModelManifest.json().readValue(state.toFile(), Checkpoint.class) : null;
  }

  /** Noisy copy of an example (fresh noise), with the strain dropped when {@code dropStrain}. */
  static TrainingExample withNoise(TrainingExample e, SplittableRandom random, boolean dropStrain) {
    float[] flux = e.fluxUjy().clone();
    for (int i = 0; i < flux.length; i++) {
      if (e.sedMask()[i] > 0.5f) {
        flux[i] += (float) (e.fluxErrUjy()[i] * random.nextGaussian());
      }
    }
    float[] strain = null;
    if (e.strain() != null && !dropStrain) {
      strain = e.strain().clone();
      int m = e.strainMask().length;
      for (int i = 0; i < strain.length; i++) {
        if (e.strainMask()[i % m] > 0.5f) {
          strain[i] += (float) random.nextGaussian();
        }
      }
    }
    return new TrainingExample(flux, e.fluxErrUjy(), e.sedMask(), strain,
        strain == null ? null : e.strainMask(), e.theta(), e.eta(), e.lnMassDet());
  }

  /** Runs the training; returns when it stopped. The best weights are in outDir/weights.params. */
  public Result run() throws IOException {
    long startNanos = System.nanoTime();
    Files.createDirectories(outDir.resolve(CHECKPOINT_DIR));
    Path statePath = outDir.resolve(CHECKPOINT_DIR).resolve("state.json");
    Checkpoint checkpoint = null;
    if (options.resume()) {
      if (!Files.exists(statePath)) {
        throw new IOException("Expected a checkpoint to resume at " + statePath + ". Actual: none");
      }
      checkpoint = ModelManifest.json().readValue(statePath.toFile(), Checkpoint.class);
      progress.printf("[%s] resuming after epoch %d (best validation NLL %.4f)%n", options.kind(),
          checkpoint.epoch(), checkpoint.bestValidationNll());
    }
    double previousSeconds = checkpoint == null ? 0 : checkpoint.elapsedSeconds();

    int nTrain = options.trainExamples();
    int nVal = options.validationExamples();
    progress.printf("[%s] simulating %d noise-free examples (%d train, %d validation)...%n",
        options.kind(), nTrain + nVal, nTrain, nVal);
    TrainingExample[] all = new TrainingExample[nTrain + nVal];
    IntStream.range(0, all.length).parallel()
        .forEach(i -> all[i] = generator.example(options.seed(), i));
    progress.printf("[%s] simulated in %.1f s%n", options.kind(), (System.nanoTime() - startNanos) / 1e9);

    SplittableRandom valRandom = new SplittableRandom(options.seed() * 7919 + 17);
    TrainingExample[] validation = new TrainingExample[nVal];
    for (int i = 0; i < nVal; i++) {
      validation[i] = withNoise(all[nTrain + i], valRandom,
          valRandom.nextDouble() < options.strainDropout());
    }

    double lnScaleMean;
    double lnScaleStd;
    if (checkpoint != null) {
      lnScaleMean = checkpoint.lnScaleMean();
      lnScaleStd = checkpoint.lnScaleStd();
    } else {
      double sum = 0;
      double sumSq = 0;
      int count = Math.min(nTrain, 5000);
      for (int i = 0; i < count; i++) {
        TrainingExample noisy = withNoise(all[i], valRandom, true);
        double s = InputEncoding.lnScale(noisy.fluxUjy(), noisy.fluxErrUjy(), noisy.sedMask());
        sum += s;
        sumSq += s * s;
      }
      lnScaleMean = sum / count;
      lnScaleStd = Math.sqrt(Math.max(1e-12, sumSq / count - lnScaleMean * lnScaleMean));
    }

    NetworkConfig config = generator.networkConfig(options.kind());
    MixtureHead head = new MixtureHead(config.components(), config.dimension());
    Engine.getInstance().setRandomSeed((int) options.seed());
    Block block = Networks.build(config);
    double learningRate = checkpoint == null ? options.learningRate() : checkpoint.learningRate();
    ResumableAdam adam = new ResumableAdam((float) learningRate, 10f);
    List<EpochRecord> history = new ArrayList<>(checkpoint == null ? List.of() : checkpoint.history());
    double best = checkpoint == null ? Double.POSITIVE_INFINITY : checkpoint.bestValidationNll();
    int sinceBest = checkpoint == null ? 0 : checkpoint.epochsSinceBest();
    int firstEpoch = checkpoint == null ? 1 : checkpoint.epoch() + 1;
    String stopped = "epoch limit";
    // A resume with no epoch left (e.g. --epochs equal to the checkpoint's) writes the model as the
    // checkpoint left it, so its last training loss is the checkpoint's, not "none".
    double lastTrainLoss = history.isEmpty() ? Double.NaN : history.get(history.size() - 1).trainLoss();
    long parameterCount;
    int batch = options.batchSize();
    int stepsPerEpoch = Math.max(1, nTrain / batch);
    if (options.maxStepsPerEpoch() > 0) {
      stepsPerEpoch = Math.min(stepsPerEpoch, options.maxStepsPerEpoch());
    }

    try (Model model = Model.newInstance(options.kind())) {
      model.setBlock(block);
      if (checkpoint != null) {
        // Load before the trainer attaches gradients: a loaded array replaces the parameter's.
        block.initialize(model.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32,
            PosteriorModel.inputShapes(config, batch));
        load(block, model.getNDManager(), outDir.resolve(CHECKPOINT_DIR).resolve("last.params"));
      }
      DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.l2Loss())
          .optOptimizer(adam);
      try (Trainer trainer = model.newTrainer(trainingConfig)) {
        trainer.initialize(PosteriorModel.inputShapes(config, batch));
        parameterCount = countParameters(block);
        if (checkpoint != null) {
          Path state = outDir.resolve(CHECKPOINT_DIR).resolve(OPTIMIZER_FILE);
          if (Files.exists(state)) {
            adam.load(block, model.getNDManager(), state);
            progress.printf("[%s] restored the Adam moments of the checkpoint%n", options.kind());
          } else {
            progress.printf("[%s] the checkpoint has no optimizer state (written before it was saved): "
                + "Adam's moments restart from zero%n", options.kind());
          }
        }
        progress.printf("[%s] %d parameters, %d steps of %d per epoch%n", options.kind(),
            parameterCount, stepsPerEpoch, batch);
        InputEncoding encoding = new InputEncoding(config, lnScaleMean, lnScaleStd, Math.max(batch, 512));
        double budgetSeconds = options.maxMinutes() * 60;
        for (int epoch = firstEpoch; epoch <= options.epochs(); epoch++) {
          SplittableRandom random = new SplittableRandom(options.seed() * 1_000_003L + epoch);
          int[] order = permutation(nTrain, random);
          double lossSum = 0;
          int steps = 0;
          long lastPrint = System.nanoTime();
          boolean outOfTime = false;
          for (int step = 0; step < stepsPerEpoch; step++) {
            lossSum += trainStep(trainer, head, encoding, all, order, step * batch, batch, random,
                config);
            steps++;
            double elapsed = previousSeconds + (System.nanoTime() - startNanos) / 1e9;
            if (System.nanoTime() - lastPrint > 10e9) {
              lastPrint = System.nanoTime();
              progress.printf("[%s] epoch %d step %d/%d loss %.4f | %.1f min elapsed%n",
                  options.kind(), epoch, step + 1, stepsPerEpoch, lossSum / steps, elapsed / 60);
            }
            if (elapsed > budgetSeconds) {
              outOfTime = true;
              break;
            }
          }
          lastTrainLoss = lossSum / Math.max(1, steps);
          double valNll = validate(trainer, head, encoding, validation);
          double elapsed = previousSeconds + (System.nanoTime() - startNanos) / 1e9;
          history.add(new EpochRecord(epoch, lastTrainLoss, valNll, adam.learningRate(), elapsed));
          Path dir = outDir.resolve(CHECKPOINT_DIR);
          if (valNll < best) {
            best = valNll;
            sinceBest = 0;
            save(block, dir.resolve("best.params"));
          } else {
            sinceBest++;
            if (sinceBest % 2 == 0) {
              adam.setLearningRate(adam.learningRate() * 0.5f);
            }
          }
          save(block, dir.resolve("last.params"));
          adam.save(block, dir.resolve(OPTIMIZER_FILE));
          ModelManifest.json().writeValue(statePath.toFile(), new Checkpoint(epoch, best, sinceBest,
              adam.learningRate(), elapsed, lnScaleMean, lnScaleStd, history));
          double perEpoch = (elapsed - previousSeconds) / (epoch - firstEpoch + 1);
          double left = Math.min((options.epochs() - epoch) * perEpoch, budgetSeconds - elapsed);
          progress.printf("[%s] epoch %d/%d train loss %.4f | validation NLL %.4f (best %.4f) | "
              + "%.1f min elapsed, ~%.1f min left%n", options.kind(), epoch, options.epochs(),
              lastTrainLoss, valNll, best, elapsed / 60, Math.max(0, left) / 60);
          if (outOfTime || elapsed + perEpoch > budgetSeconds + perEpoch * 0.5) {
            stopped = "wall-time budget of " + options.maxMinutes() + " min";
            break;
          }
          if (sinceBest >= options.patience()) {
            stopped = "early stop: no validation improvement in " + options.patience() + " epochs";
            break;
          }
          if (!Double.isFinite(valNll)) {
            stopped = "non-finite validation NLL";
            break;
          }
        }
      }
    }
    Path bestPath = outDir.resolve(CHECKPOINT_DIR).resolve("best.params");
    Files.copy(Files.exists(bestPath) ? bestPath : outDir.resolve(CHECKPOINT_DIR).resolve("last.params"),
        outDir.resolve(WEIGHTS_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    double wall = previousSeconds + (System.nanoTime() - startNanos) / 1e9;
    return new Result(config, new ModelManifest.Normalisation(lnScaleMean, lnScaleStd),
        parameterCount, history.isEmpty() ? 0 : history.get(history.size() - 1).epoch(), best,
        lastTrainLoss, wall, stopped, history);
  }

  private double trainStep(Trainer trainer, MixtureHead head, InputEncoding encoding,
      TrainingExample[] all, int[] order, int start, int batch, SplittableRandom random,
      NetworkConfig config) {
    int d = config.dimension();
    float[] u = new float[batch * d];
    float[] frames = new float[batch * 2];
    float[] frameWeights = new float[batch * 2];
    encoding.clear();
    for (int b = 0; b < batch; b++) {
      TrainingExample e = withNoise(all[order[(start + b) % order.length]], random,
          random.nextDouble() < options.strainDropout());
      encoding.add(e.fluxUjy(), e.fluxErrUjy(), e.sedMask(), e.strain(), e.strainMask());
      double[] ub = box.toUnbounded(e.theta());
      for (int i = 0; i < d; i++) {
        u[b * d + i] = (float) ub[i];
      }
      frames[2 * b] = (float) e.eta();
      frames[2 * b + 1] = (float) e.lnMassDet();
      frameWeights[2 * b] = (float) (1 / (ETA_SCALE * ETA_SCALE));
      frameWeights[2 * b + 1] = e.strain() == null ? 0f : (float) (1 / (LN_MASS_SCALE * LN_MASS_SCALE));
    }
    try (NDManager sub = trainer.getManager().newSubManager()) {
      NDList inputs = encoding.toNDList(sub);
      NDArray labels = sub.create(u, new Shape(batch, d));
      NDArray frameTargets = sub.create(frames, new Shape(batch, 2));
      NDArray weights = sub.create(frameWeights, new Shape(batch, 2));
      float value;
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDList out = trainer.forward(inputs);
        NDArray loss = head.logDensity(new NDList(out.get(0), out.get(1), out.get(2)), labels)
            .mean().neg();
        if (config.kind().equals("leain")) {
          NDArray aux = out.get(3).sub(frameTargets).square().mul(weights).sum(new int[] {1}).mean();
          loss = loss.add(aux.mul((float) AUX_WEIGHT));
        }
        collector.backward(loss);
        value = loss.getFloat();
      }
      trainer.step();
      return value;
    }
  }

  /** Mean theta-space NLL (Jacobian included) over the fixed-noise validation set. */
  private double validate(Trainer trainer, MixtureHead head, InputEncoding encoding,
      TrainingExample[] validation) {
    int d = head.dimension();
    double sum = 0;
    int chunk = 512;
    for (int start = 0; start < validation.length; start += chunk) {
      int n = Math.min(chunk, validation.length - start);
      encoding.clear();
      float[] u = new float[n * d];
      double jacobian = 0;
      for (int b = 0; b < n; b++) {
        TrainingExample e = validation[start + b];
        encoding.add(e.fluxUjy(), e.fluxErrUjy(), e.sedMask(), e.strain(), e.strainMask());
        double[] ub = box.toUnbounded(e.theta());
        for (int i = 0; i < d; i++) {
          u[b * d + i] = (float) ub[i];
        }
        jacobian += box.logAbsJacobian(e.theta());
      }
      try (NDManager sub = trainer.getManager().newSubManager()) {
        NDList out = trainer.evaluate(encoding.toNDList(sub));
        float[] logQ = head.logDensity(new NDList(out.get(0), out.get(1), out.get(2)),
            sub.create(u, new Shape(n, d))).toFloatArray();
        for (float v : logQ) {
          sum -= v;
        }
      }
      sum -= jacobian;
    }
    return sum / validation.length;
  }

  static int[] permutation(int n, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  static long countParameters(Block block) {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      n += p.getValue().getArray().getShape().size();
    }
    return n;
  }

  static void save(Block block, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
      block.saveParameters(new DataOutputStream(out));
    }
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  static void load(Block block, NDManager manager, Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      block.loadParameters(manager, new DataInputStream(in));
    } catch (ai.djl.MalformedModelException e) {
      throw new IOException("Expected a checkpoint matching the architecture. Actual: " + e.getMessage(), e);
    }
  }
}
