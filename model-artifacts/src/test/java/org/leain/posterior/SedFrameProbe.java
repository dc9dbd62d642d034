package org.leain.posterior;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import org.leain.posterior.adapter.SpectrumResampler;
import org.leain.posterior.frame.FrameEstimator;
import org.leain.posterior.network.InputEncoding;
import org.leain.posterior.network.LeainNetwork;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.prior.Parameter;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;
import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumReader;

/**
 * Diagnostic (not a test): prints what a LEAIN model's SED frame estimator sees and returns for a
 * real spectrum, for variants of it (a wavelength range masked), and for simulated spectra at the
 * same redshift: the flux scale against the training normalisation, the mask, the normalised flux
 * and the frame score map per 20 grid bins, and the frame eta_hat against ln(1 + z). Behind the
 * sim-to-real section of posterior/RESULTS.md. In package org.leain.posterior to reach the DJL
 * block of a loaded model.
 *
 * <p>Usage: {@code SedFrameProbe MODEL_DIR SPECTRUM Z SIMULATIONS}
 */
public final class SedFrameProbe {

  private SedFrameProbe() {}

  public static void main(String[] args) throws Exception {
    Path modelDir = Path.of(args[0]);
    Path spectrum = Path.of(args[1]);
    double z = Double.parseDouble(args[2]);
    int simulations = Integer.parseInt(args[3]);
    try (PosteriorModel model = PosteriorModel.load(modelDir)) {
      ModelManifest.Grid grid = model.manifest().sedGrid();
      JwstSpectrum real = SpectrumReader.read(Files.readAllBytes(spectrum), spectrum.getFileName().toString());
      SpectrumResampler.Resampled r = new SpectrumResampler(grid.size(), grid.lnFirst(), grid.lnStep())
          .resample(real.wavelengthUm(), real.fluxUjy(), real.fluxErrUjy(), real.usable());
      report("real " + spectrum.getFileName(), model, r.flux(), r.fluxErr(), r.mask(), z);
      for (double[] cut : new double[][] {{3.3, 3.9}, {2.0, 99}}) {
        float[] mask = r.mask().clone();
        for (int i = 0; i < mask.length; i++) {
          double um = centreUm(grid, i);
          if (um > cut[0] && um < cut[1]) {
            mask[i] = 0f;
          }
        }
        report(String.format(Locale.ROOT, "real, %.1f-%.1f um masked", cut[0], Math.min(cut[1], 5.3)), model,
            r.flux(), r.fluxErr(), mask, z);
      }
      Simulator simulator = Simulator.standard();
      SplittableRandom random = new SplittableRandom(5);
      for (int k = 0; k < simulations; k++) {
        Theta theta = Prior.uniform().sample(random).with(Parameter.Z, z);
        Observation o = simulator.simulate(theta, random.nextLong());
        float[] flux = new float[grid.size()];
        float[] err = new float[grid.size()];
        float[] mask = new float[grid.size()];
        for (int i = 0; i < flux.length; i++) {
          flux[i] = (float) o.fluxUjy()[i];
          err[i] = (float) o.fluxErrUjy()[i];
          mask[i] = o.sedMask()[i] ? 1f : 0f;
        }
        report(String.format(Locale.ROOT, "simulated %d (log10 M_BH %.2f, log10 lambda_Edd %.2f)", k,
            theta.get(Parameter.LOG10_MBH), theta.get(Parameter.LOG10_LAMBDA_EDD)), model, flux, err, mask, z);
      }
    }
  }

  private static double centreUm(ModelManifest.Grid grid, int i) {
    return Math.exp(grid.lnFirst() + (i + 0.5) * grid.lnStep());
  }

  private static void report(String name, PosteriorModel model, float[] flux, float[] err, float[] mask, double z) {
    ModelManifest manifest = model.manifest();
    ModelManifest.Grid grid = manifest.sedGrid();
    LeainNetwork network = (LeainNetwork) model.djlModel().getBlock();
    FrameEstimator frame = null;
    for (var child : network.getChildren()) {
      if (child.getKey().contains("sedFrame")) {
        frame = (FrameEstimator) child.getValue();
      }
    }
    InputEncoding encoding = new InputEncoding(manifest.network(), manifest.normalisation().lnScaleMean(),
        manifest.normalisation().lnScaleStd(), 1);
    encoding.add(flux, err, mask, null, null);
    try (NDManager nd = model.djlModel().getNDManager().newSubManager()) {
      NDList inputs = encoding.toNDList(nd);
      ParameterStore store = new ParameterStore(nd, false);
      double eta = network.canonicalise(store, inputs, false).get(0).toDoubleArray()[0];
      float[] score = frame.scoreMap(store, inputs.get(0).get(":, 0:1, :"), false).toFloatArray();
      float[] sed = inputs.get(0).toFloatArray();
      int n = grid.size();
      int valid = 0;
      double mass = 0;
      double moment = 0;
      for (int i = 0; i < n; i++) {
        valid += mask[i] > 0.5f ? 1 : 0;
        mass += score[i];
        moment += score[i] * i;
      }
      double lnScale = InputEncoding.lnScale(flux, err, mask);
      System.out.printf(Locale.ROOT, "%s%n  ln scale %.3f (%+.2f sigma of training), %d/%d bins valid; eta_hat %.4f "
          + "(z %.2f) vs ln(1+z) %.4f; score centre at bin %.1f (%.2f um)%n", name, lnScale,
          (lnScale - manifest.normalisation().lnScaleMean()) / manifest.normalisation().lnScaleStd(), valid, n, eta,
          Math.expm1(eta), Math.log1p(z), moment / mass, centreUm(grid, (int) Math.round(moment / mass)));
      StringBuilder fluxLine = new StringBuilder("  max normalised flux per 20 bins:");
      StringBuilder scoreLine = new StringBuilder("  score mass per 20 bins:         ");
      for (int i = 0; i < n; i += 20) {
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int j = i; j < Math.min(n, i + 20); j++) {
          max = Math.max(max, sed[j]);
          sum += score[j];
        }
        fluxLine.append(String.format(Locale.ROOT, " %6.2f", max));
        scoreLine.append(String.format(Locale.ROOT, " %6.1e", sum));
      }
      System.out.println(fluxLine);
      System.out.println(scoreLine);
    }
  }
}
