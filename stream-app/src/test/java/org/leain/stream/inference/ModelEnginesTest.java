package org.leain.stream.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.Modality;
import org.leain.contracts.Spectrum;
import org.leain.posterior.PosteriorEstimator;
import org.leain.posterior.PosteriorModel;
import org.leain.stream.metrics.Counter;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.lvk.SkyAlertDecoder;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;

/**
 * The real posterior network in the topology: the MS181101ab preliminary notice and UNCOVER 45924
 * through {@link ModelEngines} over model-artifacts/models/leain-v1. Runs once that model is in the
 * repository.
 */
class ModelEnginesTest {

  @Test
  void realModel_givesAnSedOnlyPosterior_withSamplesInsideThePrior() throws Exception {
    Path modelDir = Fixtures.root().resolve("model-artifacts/models/leain-v1");
    Assumptions.assumeTrue(Files.isRegularFile(modelDir.resolve("manifest.json")),
        "needs the trained model in " + modelDir + " (model-artifacts)");
    LeainConfig.ModelSettings settings = new LeainConfig.ModelSettings("leain-v1", modelDir, 200);
    try (ModelEngines engines = ModelEngines.factory(settings);
        StreamDriver stream = new StreamDriver(Map.of("model.samples", "200"), new SkyAlertDecoder(), engines)) {
      stream.alerts.pipeInput(null, Fixtures.read("data/lvk/MS181101ab-preliminary.json"), 1_000L);
      stream.spectrum(Fixtures.uncover45924(194.30419921875, -17.8568950955455), 2_000L);
      DcbhPosterior p = StreamDriver.latest(stream.posteriors).get("MS181101ab|UNCOVER-45924");
      assertEquals(List.of(Modality.SED), p.getModalities());
      assertEquals("leain-v1", p.getModel().getName());
      // The record carries the estimator's own warnings for this spectrum, and the metric counts them.
      List<String> expectedWarnings;
      try (PosteriorModel model = PosteriorModel.load(modelDir);
          PosteriorEstimator estimator = model.newEstimator()) {
        Spectrum s = Fixtures.uncover45924(194.30419921875, -17.8568950955455);
        expectedWarnings = estimator.infer(PosteriorEngine.spectrumArrays(s), null).warnings();
      }
      assertEquals(expectedWarnings, p.getWarnings());
      assertEquals(expectedWarnings.isEmpty() ? 0 : 1, stream.metrics.count(Counter.POSTERIORS_FLAGGED));
      assertEquals(64, p.getModel().getArtifactSha256().length());
      assertEquals(200, p.getNSamples());
      assertEquals(p.getNSamples() * p.getNParams(), p.getSamples().size());
      for (int k = 0; k < p.getNParams(); k++) {
        double lo = p.getParameters().get(k).getPriorLow();
        double hi = p.getParameters().get(k).getPriorHigh();
        for (int i = 0; i < p.getNSamples(); i++) {
          float v = p.getSamples().get(i * p.getNParams() + k);
          assertTrue(v >= lo && v <= hi, p.getParameters().get(k).getName() + " sample " + v);
        }
      }
    }
  }

  @Test
  void realModel_batchedPosteriors_equalUnbatchedOnes_toFloatPrecision() throws Exception {
    Path modelDir = Fixtures.root().resolve("model-artifacts/models/leain-v1");
    Assumptions.assumeTrue(Files.isRegularFile(modelDir.resolve("manifest.json")),
        "needs the trained model in " + modelDir + " (model-artifacts)");
    LeainConfig.ModelSettings settings = new LeainConfig.ModelSettings("leain-v1", modelDir, 200);
    try (ModelEngines engines = ModelEngines.factory(settings);
        StreamDriver unbatched = new StreamDriver(Map.of("model.samples", "200"), new SkyAlertDecoder(), engines);
        StreamDriver batched = new StreamDriver(Map.of("model.samples", "200", "inference.batch.max.records", "3"),
            new SkyAlertDecoder(), engines)) {
      for (StreamDriver stream : List.of(unbatched, batched)) {
        stream.spectrum(Fixtures.uncover45924(194.30419921875, -17.8568950955455), 1_000L);
        stream.spectrum(Fixtures.spectrum("SIM-1", 194.31, -17.86), 1_001L);
        stream.spectrum(Fixtures.spectrum("SIM-2", 194.29, -17.85), 1_002L);
        stream.alerts.pipeInput(null, Fixtures.read("data/lvk/MS181101ab-preliminary.json"), 2_000L);
      }
      Map<String, DcbhPosterior> expected = StreamDriver.latest(unbatched.posteriors);
      Map<String, DcbhPosterior> actual = StreamDriver.latest(batched.posteriors);
      assertEquals(3, expected.size());
      assertEquals(expected.keySet(), actual.keySet());
      for (String key : expected.keySet()) {
        var e = expected.get(key).getSummaries();
        var a = actual.get(key).getSummaries();
        for (int k = 0; k < e.size(); k++) {
          double scale = Math.max(1e-6, e.get(k).getStd());
          assertEquals(e.get(k).getMedian(), a.get(k).getMedian(), 1e-3 * scale, key + " " + e.get(k).getName());
          assertEquals(e.get(k).getMean(), a.get(k).getMean(), 1e-3 * scale, key + " " + e.get(k).getName());
        }
      }
    }
  }
}
