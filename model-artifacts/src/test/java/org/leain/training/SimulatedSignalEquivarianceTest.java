package org.leain.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.PosteriorModel;
import org.leain.posterior.network.InputEncoding;
import org.leain.posterior.network.LeainNetwork;
import org.leain.posterior.network.NetworkConfig;
import org.leain.sim.Simulator;
import org.leain.sim.prior.Theta;
import org.leain.sim.sed.SpectralGrid;

/**
 * Exact equivariance of the committed LEAIN network on signals from the real simulator, shifted by
 * changing the physical parameters (never by rolling arrays).
 *
 * <p>SED: the simulator's intrinsic rest-frame L_nu sampled at lambda_obs/(1+z) is an exact
 * translation under a whole-bin change of ln(1+z); the observed flux is not (IGM, R(lambda), window:
 * the documented breakers). A rest-frame taper keeps the signal's support inside the window, where a
 * translation is a symmetry. GW: the detector strain depends on tau/M_det only, so scaling M_BH by
 * exp(k * step) translates it by k samples; its amplitude (also scaled) is normalised to one peak.
 */
class SimulatedSignalEquivarianceTest {

  static final Simulator SIMULATOR = Simulator.standard();

  static LeainNetwork committedLeain(NDManager manager, ModelManifest manifest) throws Exception {
    NetworkConfig config = manifest.network();
    LeainNetwork network = new LeainNetwork(config);
    network.initialize(manager, DataType.FLOAT32, PosteriorModel.inputShapes(config, 2));
    Path weights = CommittedModelsTest.modelDir("leain-v1").resolve(manifest.weightsFile());
    try (InputStream in = new BufferedInputStream(Files.newInputStream(weights))) {
      network.loadParameters(manager, new DataInputStream(in));
    }
    return network;
  }

  /** Cosine taper over rest-frame 0.26-0.50 um (Mg II to H-beta), zero outside. */
  static double restTaper(double lnRestUm) {
    double lo = Math.log(0.26);
    double hi = Math.log(0.50);
    double ramp = 0.06;
    if (lnRestUm <= lo || lnRestUm >= hi) {
      return 0;
    }
    double edge = Math.min(lnRestUm - lo, hi - lnRestUm);
    return edge >= ramp ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge / ramp);
  }

  static float[] taperedRestSed(Theta theta, float[] errOut) {
    SpectralGrid grid = SIMULATOR.spectralGrid();
    double[] lnu = new double[grid.size()];
    SIMULATOR.sedModel().restFrameLnu(theta, lnu);
    double peak = 0;
    double[] tapered = new double[lnu.length];
    for (int i = 0; i < lnu.length; i++) {
      tapered[i] = lnu[i] * restTaper(grid.lnWavelength(i) - Math.log1p(theta.z()));
      peak = Math.max(peak, Math.abs(tapered[i]));
    }
    float[] flux = new float[lnu.length];
    for (int i = 0; i < lnu.length; i++) {
      flux[i] = (float) (tapered[i] / peak);
      errOut[i] = (float) (0.05 * Math.abs(tapered[i] / peak) + 1e-3);
    }
    return flux;
  }

  @Test
  void committedLeain_onSimulatedSeds_movesItsFrameByTheRedshiftShift_andAgreesOnTheCanvas()
      throws Exception {
    ModelManifest manifest = ModelManifest.read(
        CommittedModelsTest.modelDir("leain-v1").resolve(ModelManifest.FILE));
    NetworkConfig config = manifest.network();
    int k = 40;
    Theta first = new Theta(5.0, 7.5, -0.5, 11.0, 2.5, -2.0, 0.5, 1.0);
    Theta second = first.with(org.leain.sim.prior.Parameter.Z,
        SIMULATOR.spectralGrid().redshiftShiftedByBins(first.z(), k));
    float[] ones = new float[config.sedBins()];
    Arrays.fill(ones, 1f);
    try (NDManager m = NDManager.newBaseManager()) {
      LeainNetwork network = committedLeain(m, manifest);
      InputEncoding encoding = new InputEncoding(config, 0, 1, 2);
      float[] err1 = new float[config.sedBins()];
      float[] err2 = new float[config.sedBins()];
      encoding.add(taperedRestSed(first, err1), err1, ones, null, null);
      encoding.add(taperedRestSed(second, err2), err2, ones, null, null);
      NDList canon = network.canonicalise(new ParameterStore(m, false), encoding.toNDList(m), false);
      double[] frames = canon.get(0).toDoubleArray();
      assertEquals(k * config.sedLnStep(), frames[1] - frames[0], 1e-6);
      for (double frame : frames) {
        assertTrue(frame > config.etaMin() && frame < config.etaMax(), "frame " + frame);
      }
      int length = config.sedCanvasBins();
      float[] canvas = canon.get(1).toFloatArray();
      double maxDiff = 0;
      double peak = 0;
      // The flux channel moves with the signal; the error and mask channels carry the fixed
      // observed window (breaking inputs), so their canvases legitimately differ at its edges.
      for (int j = 0; j < length; j++) {
        maxDiff = Math.max(maxDiff, Math.abs(canvas[j] - canvas[3 * length + j]));
        peak = Math.max(peak, Math.abs(canvas[j]));
      }
      assertTrue(peak > 1, "canvas holds the signal");
      assertTrue(maxDiff <= 1e-5 * peak, "flux canvases differ by " + maxDiff
          + " (peak " + peak + ")");
    }
  }

  @Test
  void committedLeain_onSimulatedStrains_movesItsFrameByTheMassShift_andAgreesOnTheCanvas()
      throws Exception {
    ModelManifest manifest = ModelManifest.read(
        CommittedModelsTest.modelDir("leain-v1").resolve(ModelManifest.FILE));
    NetworkConfig config = manifest.network();
    int k = 60;
    Theta first = new Theta(5.0, 6.0, -0.5, 11.0, 2.5, -2.0, 0.5, 1.0);
    double log10Scale = Math.log10(SIMULATOR.strainGrid().massScaleForShift(k));
    Theta second = first.with(org.leain.sim.prior.Parameter.LOG10_MBH, first.log10MbhMsun() + log10Scale);
    int n = config.strainSamples();
    float[] flux = new float[config.sedBins()];
    float[] err = new float[config.sedBins()];
    float[] ones = new float[config.sedBins()];
    Arrays.fill(flux, 1f);
    Arrays.fill(err, 0.1f);
    Arrays.fill(ones, 1f);
    float[] strainMask = new float[n];
    Arrays.fill(strainMask, 1f);
    try (NDManager m = NDManager.newBaseManager()) {
      LeainNetwork network = committedLeain(m, manifest);
      InputEncoding encoding = new InputEncoding(config, 0, 1, 2);
      encoding.add(flux, err, ones, unitPeakStrain(first, n), strainMask);
      encoding.add(flux, err, ones, unitPeakStrain(second, n), strainMask);
      NDList canon = network.canonicalise(new ParameterStore(m, false), encoding.toNDList(m), false);
      double[] frames = canon.get(2).toDoubleArray();
      assertEquals(k * config.strainLnStep(), frames[1] - frames[0], 1e-6);
      for (double frame : frames) {
        assertTrue(frame > config.lnMassMin() && frame < config.lnMassMax(), "frame " + frame);
      }
      int length = config.strainCanvasBins();
      int channels = config.strainChannels() + 1;
      float[] canvas = canon.get(3).toFloatArray();
      double maxDiff = 0;
      double peak = 0;
      for (int j = 0; j < 2 * length; j++) {
        maxDiff = Math.max(maxDiff, Math.abs(canvas[j] - canvas[channels * length + j]));
        peak = Math.max(peak, Math.abs(canvas[j]));
      }
      assertTrue(peak > 0.5, "canvas holds the signal");
      assertTrue(maxDiff <= 1e-5 * peak, "strain canvases differ by " + maxDiff);
    }
  }

  /** Detector strain (channels A then E), scaled to a peak of 4 (a loud, noise-free signal). */
  static float[] unitPeakStrain(Theta theta, int n) {
    double[] a = new double[n];
    double[] e = new double[n];
    SIMULATOR.gwModel().detectorStrain(theta, a, e);
    double peak = 0;
    for (int i = 0; i < n; i++) {
      peak = Math.max(peak, Math.max(Math.abs(a[i]), Math.abs(e[i])));
    }
    float[] out = new float[2 * n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (4 * a[i] / peak);
      out[n + i] = (float) (4 * e[i] / peak);
    }
    return out;
  }
}
