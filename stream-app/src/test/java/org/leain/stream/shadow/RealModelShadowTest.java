package org.leain.stream.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Modality;
import org.leain.contracts.ParameterInfo;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.Posterior;
import org.leain.posterior.PosteriorEstimator;
import org.leain.posterior.PosteriorModel;
import org.leain.posterior.SpectrumArrays;
import org.leain.posterior.StrainArrays;
import org.leain.sim.prior.Parameter;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.inference.ModelEngines;
import org.leain.stream.lvk.SkyAlertDecoder;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;

/**
 * The production injections ({@link InjectionSimulation#standard()}: the DCBH simulator) through the
 * topology with the real leain-v1 network. The number of injections is the system property
 * {@code leain.shadow.injections} (default 12; RELIABILITY.md quotes a longer run); the rolling
 * statistics are printed.
 */
class RealModelShadowTest {
  private static final Path MODEL = Fixtures.root().resolve("model-artifacts/models/leain-v1");

  @Test
  void theSimulatorsPrior_isTheModelManifestsPrior() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(MODEL.resolve("manifest.json")), "needs " + MODEL);
    for (ModelManifest.ParameterSpec spec : ModelManifest.read(MODEL.resolve("manifest.json")).parameters()) {
      Parameter p = Parameter.byId(spec.name());
      assertTrue(p.inferred(), spec.name());
      assertEquals(p.lower(), spec.lo(), 0.0, spec.name());
      assertEquals(p.upper(), spec.hi(), 0.0, spec.name());
    }
  }

  @Test
  void leainV1_onSimulatorInjections_givesMarkedPosteriors_whoseDensityIsTheNetworksOwn() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(MODEL.resolve("manifest.json")), "needs " + MODEL);
    int injections = Integer.getInteger("leain.shadow.injections", 12);
    LeainConfig.ModelSettings settings = new LeainConfig.ModelSettings("leain-v1", MODEL, 500);
    InjectionSimulation simulation = InjectionSimulation.standard();
    try (ModelEngines engines = ModelEngines.factory(settings);
        PosteriorModel model = PosteriorModel.load(MODEL);
        PosteriorEstimator estimator = model.newEstimator();
        StreamDriver stream = new StreamDriver(Map.of("model.samples", "500", "shadow.injections.per.hour", "3600",
            "shadow.window", "1000", "shadow.window.min", Integer.toString(Math.min(injections, 30))),
            new SkyAlertDecoder(), engines, simulation)) {
      long start = System.nanoTime();
      for (int i = 0; i < injections; i++) {
        stream.driver.advanceWallClockTime(Duration.ofSeconds(1));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Map<String, DcbhPosterior> posteriors = StreamDriver.latest(stream.posteriors);
      Map<String, GwCandidate> candidates = StreamDriver.latest(stream.candidatesOut);
      Map<String, Spectrum> spectra = StreamDriver.latest(stream.driver.createOutputTopic(
          stream.config.topics().spectra(), Serdes.String().deserializer(), ContractSerdes.spectrum().deserializer()));
      assertEquals(injections, posteriors.size(), posteriors.keySet().toString());
      for (DcbhPosterior p : posteriors.values()) {
        assertTrue(p.getShadowInjection(), p.getAssociationId());
        assertEquals(p.getNParams(), p.getTrueValues().size());
        assertEquals(List.of(Modality.SED, Modality.STRAIN), p.getModalities());
        // The record's mixture read as the contract says gives the network's own log-density.
        GwCandidate candidate = candidates.get(p.getSupereventId());
        Spectrum spectrum = spectra.get(p.getSpectrumId());
        Posterior direct = estimator.infer(spectrumArrays(spectrum), strainArrays(candidate));
        double[] truth = p.getTrueValues().stream().mapToDouble(Double::doubleValue).toArray();
        assertEquals(direct.logDensity(truth), PosteriorDensity.of(p).logDensity(truth), 1e-6, p.getAssociationId());
        for (int k = 0; k < truth.length; k++) {
          ParameterInfo info = p.getParameters().get(k);
          assertTrue(truth[k] >= info.getPriorLow() && truth[k] <= info.getPriorHigh(), info.getName());
        }
      }
      String metrics = stream.metrics.prometheusText();
      assertTrue(metrics.contains("leain_shadow_injections_total " + injections + "\n"), metrics);
      System.out.printf(Locale.ROOT, "leain-v1, %d shadow injections through TopologyTestDriver in %.1f s:%n%s",
          injections, seconds, metrics.substring(metrics.indexOf("# HELP leain_shadow")));
    }
  }

  private static SpectrumArrays spectrumArrays(Spectrum s) {
    int n = s.getWavelengthUm().size();
    double[] wave = new double[n];
    double[] flux = new double[n];
    double[] err = new double[n];
    boolean[] mask = new boolean[n];
    for (int i = 0; i < n; i++) {
      wave[i] = s.getWavelengthUm().get(i);
      flux[i] = s.getFluxUjy().get(i);
      err[i] = s.getFluxErrUjy().get(i);
      mask[i] = s.getMask().get(i);
    }
    return new SpectrumArrays(wave, flux, err, mask);
  }

  /** Channel A then E, all samples usable (the simulator masks none). */
  private static StrainArrays strainArrays(GwCandidate candidate) {
    List<Float> values = candidate.getStrain().getSamples();
    float[] samples = new float[values.size()];
    for (int i = 0; i < samples.length; i++) {
      samples[i] = values.get(i);
    }
    boolean[] mask = new boolean[samples.length / 2];
    Arrays.fill(mask, true);
    return new StrainArrays(samples, mask);
  }
}
