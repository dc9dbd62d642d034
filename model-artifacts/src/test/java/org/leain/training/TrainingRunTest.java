package org.leain.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.Posterior;
import org.leain.posterior.PosteriorEstimator;
import org.leain.posterior.PosteriorModel;

class TrainingRunTest {

  @TempDir Path dir;

  @Test
  void aTinyLeainRun_lowersTheLoss_writesALoadableModel_andResumes() throws Exception {
    ExampleGenerator toy = new ToyExamples();
    TrainingOptions options = new TrainingOptions("leain", 3000, 0.1, 4, 32, 2e-3, 0.3, 10, 10, 3,
        false, 75);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    TrainingRun.Result result = new TrainingRun(toy, options, dir, new PrintStream(log)).run();
    List<TrainingRun.EpochRecord> h = result.history();
    assertEquals(4, h.size());
    assertTrue(h.get(3).trainLoss() < h.get(0).trainLoss() - 0.5,
        "train loss " + h.get(0).trainLoss() + " -> " + h.get(3).trainLoss());
    assertTrue(h.get(3).validationNll() < h.get(0).validationNll(),
        "validation NLL " + h.get(0).validationNll() + " -> " + h.get(3).validationNll());
    assertTrue(log.toString().contains("validation NLL"), "progress goes to the given stream");

    ModelManifest manifest = ModelWriter.write(dir, "toy", toy, options, result);
    assertTrue(Files.size(dir.resolve(ModelWriter.CURVE_FILE)) > 1000);
    try (PosteriorModel model = PosteriorModel.load(dir);
        PosteriorEstimator estimator = model.newEstimator()) {
      ModelWriter.CheckInput input = ModelManifest.json().readValue(
          dir.resolve(ModelWriter.CHECK_INPUT_FILE).toFile(), ModelWriter.CheckInput.class);
      Posterior posterior = estimator.infer(input.spectrum(), input.strain());
      assertEquals(manifest.check().logDensity(), posterior.logDensity(input.theta()), 1e-4);
    }

    TrainingOptions more = new TrainingOptions("leain", 3000, 0.1, 5, 32, 2e-3, 0.3, 10, 10, 3,
        true, 75);
    TrainingRun.Result resumed = new TrainingRun(toy, more, dir, new PrintStream(log)).run();
    assertEquals(5, resumed.history().size());
    assertEquals(5, resumed.history().get(4).epoch());
    assertTrue(resumed.history().get(4).validationNll() < h.get(0).validationNll(),
        "validation NLL after resuming " + resumed.history());
  }

  @Test
  void aTinyBaselineRun_lowersTheLoss() throws Exception {
    TrainingOptions options = new TrainingOptions("baseline", 3000, 0.1, 3, 32, 2e-3, 0.3, 10, 10,
        4, false, 75);
    TrainingRun.Result result = new TrainingRun(new ToyExamples(), options, dir,
        new PrintStream(new ByteArrayOutputStream())).run();
    List<TrainingRun.EpochRecord> h = result.history();
    assertTrue(h.get(2).trainLoss() < h.get(0).trainLoss() - 0.5,
        "train loss " + h.get(0).trainLoss() + " -> " + h.get(2).trainLoss());
  }

  @Test
  void aResumedRun_continuesExactlyLikeAnUninterruptedOne_onlyWithTheSavedAdamState() throws Exception {
    ExampleGenerator toy = new ToyExamples();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    Path straight = dir.resolve("straight");
    Path resumed = dir.resolve("resumed");
    Path withoutMoments = dir.resolve("without-moments");
    double reference = new TrainingRun(toy, twoEpochRun(2, false), straight, quiet).run()
        .history().get(1).validationNll();
    for (Path d : List.of(resumed, withoutMoments)) {
      new TrainingRun(toy, twoEpochRun(1, false), d, quiet).run();
    }
    Files.delete(withoutMoments.resolve(TrainingRun.CHECKPOINT_DIR).resolve(TrainingRun.OPTIMIZER_FILE));
    double continued = new TrainingRun(toy, twoEpochRun(2, true), resumed, quiet).run()
        .history().get(1).validationNll();
    double restarted = new TrainingRun(toy, twoEpochRun(2, true), withoutMoments, quiet).run()
        .history().get(1).validationNll();
    assertEquals(reference, continued, 1e-4, "validation NLL after epoch 2, resumed vs uninterrupted");
    assertTrue(Math.abs(restarted - reference) > 1e-2,
        "restarting Adam from zero moments changes epoch 2: " + restarted + " vs " + reference);
  }

  @Test
  void aResumeWithNoEpochLeft_trainsNothing_andKeepsTheCheckpointsLastTrainingLoss() throws Exception {
    ExampleGenerator toy = new ToyExamples();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
    Path d = dir.resolve("finalised");
    TrainingRun.Result first = new TrainingRun(toy, twoEpochRun(1, false), d, quiet).run();
    byte[] weights = Files.readAllBytes(d.resolve(TrainingRun.WEIGHTS_FILE));
    TrainingRun.Result again = new TrainingRun(toy, twoEpochRun(1, true), d, quiet).run();
    assertEquals(first.history(), again.history());
    assertTrue(Double.isFinite(again.lastTrainLoss()), "last train loss " + again.lastTrainLoss());
    assertEquals(first.history().get(0).trainLoss(), again.lastTrainLoss(), 0);
    assertTrue(java.util.Arrays.equals(weights, Files.readAllBytes(d.resolve(TrainingRun.WEIGHTS_FILE))),
        "the weights are the checkpoint's");
  }

  private static TrainingOptions twoEpochRun(int epochs, boolean resume) {
    return new TrainingOptions("baseline", 2000, 0.1, epochs, 32, 2e-3, 0.3, 10, 10, 6, resume, 40);
  }
}
