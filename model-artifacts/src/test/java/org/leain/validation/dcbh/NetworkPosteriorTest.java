package org.leain.validation.dcbh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.Posterior;
import org.leain.posterior.PosteriorEstimator;
import org.leain.posterior.PosteriorModel;
import org.leain.posterior.SpectrumArrays;
import org.leain.posterior.StrainArrays;
import org.leain.posterior.network.NetworkConfig;
import org.leain.sim.Observation;
import org.leain.training.ExampleGenerator;
import org.leain.training.ModelWriter;
import org.leain.training.TrainingExample;
import org.leain.training.TrainingOptions;
import org.leain.training.TrainingRun;
import org.leain.validation.metrics.EventPosterior;

/**
 * The adapter on a real (barely trained) network written by the training code: parameters are
 * reordered by name, draws and densities are the network posterior's own, in the problem's order.
 */
class NetworkPosteriorTest {

  private static final int BINS = 320;
  private static final double LN_MIN = Math.log(0.6);
  private static final double STEP = (Math.log(5.3) - LN_MIN) / BINS;
  private static final int SAMPLES = 256;
  private static final List<String> NAMES = List.of("z", "log10_mbh", "log10_lambda_edd", "log10_mhalo",
      "log10_j21", "log10_z_zsun", "q");

  @TempDir static Path dir;

  /** Random inputs on small grids: enough to write a loadable model quickly. */
  static final class RandomExamples implements ExampleGenerator {
    @Override
    public TrainingExample example(long seed, long index) {
      SplittableRandom r = new SplittableRandom(seed * 31 + index);
      double[] theta = new double[7];
      for (int i = 0; i < 7; i++) {
        ModelManifest.ParameterSpec p = parameters().get(i);
        theta[i] = p.lo() + (p.hi() - p.lo()) * (0.01 + 0.98 * r.nextDouble());
      }
      float[] flux = new float[BINS];
      float[] err = new float[BINS];
      float[] mask = new float[BINS];
      for (int i = 0; i < BINS; i++) {
        flux[i] = (float) (1 + theta[1] / 10 + 0.1 * r.nextDouble());
        err[i] = 0.1f;
        mask[i] = 1f;
      }
      float[] strain = new float[2 * SAMPLES];
      float[] strainMask = new float[SAMPLES];
      java.util.Arrays.fill(strainMask, 1f);
      return new TrainingExample(flux, err, mask, strain, strainMask, theta, Math.log1p(theta[0]),
          Math.log1p(theta[0]) + theta[1] * Math.log(10));
    }

    @Override
    public NetworkConfig networkConfig(String kind) {
      return new NetworkConfig(kind, BINS, STEP, SAMPLES, 2, 0.08, 8.0, 64,
          Math.log(4), Math.log(13), Math.log(4) + 4 * Math.log(10), Math.log(13) + 9 * Math.log(10)
          + Math.log(2), 20.0, 8, 0, 3, 7, 8, 8, 32, 64);
    }

    @Override
    public List<ModelManifest.ParameterSpec> parameters() {
      return List.of(
          new ModelManifest.ParameterSpec("z", "dimensionless", 3, 12, "ln1p-logit"),
          new ModelManifest.ParameterSpec("log10_mbh", "log10(Msun)", 4, 9, "logit"),
          new ModelManifest.ParameterSpec("log10_lambda_edd", "log10(L/L_Edd)", -2, 0.5, "logit"),
          new ModelManifest.ParameterSpec("log10_mhalo", "log10(Msun)", 8, 12.5, "logit"),
          new ModelManifest.ParameterSpec("log10_j21", "log10(J21)", 1, 4, "logit"),
          new ModelManifest.ParameterSpec("log10_z_zsun", "log10(Z/Zsun)", -4, -0.5, "logit"),
          new ModelManifest.ParameterSpec("q", "dimensionless", 0.1, 1, "logit"));
    }

    @Override
    public ModelManifest.Grid sedGrid() {
      return new ModelManifest.Grid(BINS, 1, LN_MIN, STEP, "um", "test");
    }

    @Override
    public ModelManifest.Grid strainGrid() {
      return new ModelManifest.Grid(SAMPLES, 2, 0, 0.08, "s", "test");
    }

    @Override
    public String description() {
      return "random inputs (adapter test only)";
    }
  }

  @BeforeAll
  static void writeModel() throws Exception {
    RandomExamples examples = new RandomExamples();
    TrainingOptions options = new TrainingOptions("leain", 40, 0.25, 1, 8, 1e-3, 0.0, 10, 10, 1, false, 2);
    TrainingRun.Result result = new TrainingRun(examples, options, dir,
        new PrintStream(new ByteArrayOutputStream())).run();
    ModelWriter.write(dir, "adapter-test", examples, options, result);
  }

  private static Observation observation() {
    double[] wavelength = new double[BINS];
    double[] flux = new double[BINS];
    double[] err = new double[BINS];
    boolean[] sedMask = new boolean[BINS];
    for (int i = 0; i < BINS; i++) {
      wavelength[i] = Math.exp(LN_MIN + (i + 0.5) * STEP);
      flux[i] = 1.5;
      err[i] = 0.1;
      sedMask[i] = true;
    }
    double[] a = new double[SAMPLES];
    double[] e = new double[SAMPLES];
    boolean[] strainMask = new boolean[SAMPLES];
    for (int i = 0; i < SAMPLES; i++) {
      a[i] = Math.cos(0.3 * i) * Math.exp(-0.5 * Math.pow((i - 100) / 10.0, 2));
      e[i] = Math.sin(0.3 * i) * Math.exp(-0.5 * Math.pow((i - 100) / 10.0, 2));
      strainMask[i] = true;
    }
    return new Observation(wavelength, flux, err, sedMask, a, e, strainMask, null);
  }

  @Test
  void posterior_inTheProblemsOrder_isTheNetworkPosteriorPermuted() throws Exception {
    List<String> reversed = new ArrayList<>(NAMES);
    Collections.reverse(reversed);
    Observation x = observation();
    EventPosterior adapted;
    try (NetworkPosterior network = NetworkPosterior.load(dir, reversed)) {
      assertEquals("adapter-test", network.name());
      adapted = network.posterior(x);
    }
    Posterior raw;
    try (PosteriorModel model = PosteriorModel.load(dir); PosteriorEstimator estimator = model.newEstimator()) {
      float[] strain = new float[2 * SAMPLES];
      for (int i = 0; i < SAMPLES; i++) {
        strain[i] = (float) x.strainA()[i];
        strain[SAMPLES + i] = (float) x.strainE()[i];
      }
      raw = estimator.infer(new SpectrumArrays(x.wavelengthUm(), x.fluxUjy(), x.fluxErrUjy(), x.sedMask()),
          new StrainArrays(strain, x.strainMask()));
    }
    assertEquals(7, adapted.dimension());
    double[][] ours = adapted.sample(200, 5);
    double[][] theirs = raw.samples(200, 5);
    for (int i = 0; i < ours.length; i++) {
      for (int j = 0; j < 7; j++) {
        assertEquals(theirs[i][6 - j], ours[i][j], 0.0);
      }
      assertEquals(raw.logDensity(theirs[i]), adapted.logDensity(ours[i]), 1e-12);
      assertTrue(Double.isFinite(adapted.logDensity(ours[i])));
    }
  }

  @Test
  void load_rejectsAProblemWithParametersTheModelDoesNotHave() {
    List<String> wrong = new ArrayList<>(NAMES);
    wrong.set(6, "spin");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetworkPosterior.load(dir, wrong));
    assertTrue(e.getMessage().contains("spin"), e.getMessage());
  }
}
