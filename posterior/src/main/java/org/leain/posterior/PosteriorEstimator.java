package org.leain.posterior;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorContext;
import java.util.ArrayList;
import java.util.List;
import org.leain.posterior.adapter.SpectrumResampler;
import org.leain.posterior.head.GaussianMixture;
import org.leain.posterior.head.MixtureHead;
import org.leain.posterior.network.InputEncoding;
import org.leain.posterior.network.NetworkConfig;

/**
 * Runs a {@link PosteriorModel} on events.
 *
 * <p><b>Thread confinement:</b> an estimator owns a DJL Predictor and reusable input buffers and is
 * NOT thread-safe. Create one per stream thread with {@link PosteriorModel#newEstimator()} (e.g. in
 * a processor's init()), use it only from that thread, and close it in close(). For predictable
 * latency run the JVM with {@code ai.djl.pytorch.num_threads=1} and {@code num_interop_threads=1}.
 * Call {@link #warmUp()} before reporting ready: the first forward passes are slow.
 */
public final class PosteriorEstimator implements AutoCloseable {

  /** Largest batch run in one forward pass; longer lists are split. */
  public static final int MAX_BATCH = 256;

  /** One event: a spectrum and an optional strain (null when there is no GW data). */
  public record Observation(SpectrumArrays spectrum, StrainArrays strain) {}

  private final PosteriorModel model;
  private final NetworkConfig config;
  private final Predictor<InputEncoding, float[][]> predictor;
  private final InputEncoding encoding;
  private final SpectrumResampler resampler;
  private final double[] gridCentresUm;

  PosteriorEstimator(PosteriorModel model) {
    this.model = model;
    ModelManifest manifest = model.manifest();
    this.config = manifest.network();
    this.predictor = model.djlModel().newPredictor(new OutputCopy());
    this.encoding = new InputEncoding(config, manifest.normalisation().lnScaleMean(),
        manifest.normalisation().lnScaleStd(), MAX_BATCH);
    ModelManifest.Grid grid = manifest.sedGrid();
    this.resampler = new SpectrumResampler(grid.size(), grid.lnFirst(), grid.lnStep());
    this.gridCentresUm = new double[grid.size()];
    for (int i = 0; i < grid.size(); i++) {
      gridCentresUm[i] = Math.exp(grid.lnFirst() + (i + 0.5) * grid.lnStep());
    }
  }

  /** Centre wavelengths (um) of the model's SED grid: a spectrum given on them is used as is. */
  public double[] gridCentresUm() {
    return gridCentresUm.clone();
  }

  /** The posterior of one event; {@code strain} may be null. */
  public Posterior infer(SpectrumArrays spectrum, StrainArrays strain) {
    return inferBatch(List.of(new Observation(spectrum, strain))).get(0);
  }

  /** Posteriors of many events, in order, run in forward passes of up to {@value #MAX_BATCH}. */
  public List<Posterior> inferBatch(List<Observation> observations) {
    List<Posterior> out = new ArrayList<>(observations.size());
    MixtureHead head = model.head();
    for (int start = 0; start < observations.size(); start += MAX_BATCH) {
      int end = Math.min(observations.size(), start + MAX_BATCH);
      encoding.clear();
      for (int i = start; i < end; i++) {
        add(observations.get(i));
      }
      float[][] raw;
      try {
        raw = predictor.predict(encoding);
      } catch (TranslateException e) {
        throw new IllegalStateException("Inference failed: " + e.getMessage(), e);
      }
      for (int i = start; i < end; i++) {
        GaussianMixture mixture = head.toMixture(raw[0], raw[1], raw[2], i - start);
        List<String> modalities = observations.get(i).strain() == null
            ? List.of("sed") : List.of("sed", "gw");
        int row = i - start;
        List<String> warnings = FrameCheck.warnings(config, raw[3][2 * row], raw[3][2 * row + 1],
            observations.get(i).strain() != null);
        out.add(new Posterior(model.box(), mixture, modalities, warnings));
      }
    }
    return out;
  }

  /** Runs a few forward passes on a flat synthetic spectrum so later calls are fast. */
  public void warmUp() {
    double[] flux = new double[gridCentresUm.length];
    double[] err = new double[gridCentresUm.length];
    java.util.Arrays.fill(flux, 1.0);
    java.util.Arrays.fill(err, 0.1);
    SpectrumArrays flat = new SpectrumArrays(gridCentresUm, flux, err, null);
    for (int i = 0; i < 20; i++) {
      infer(flat, null);
    }
  }

  private void add(Observation observation) {
    SpectrumArrays s = observation.spectrum();
    float[] flux;
    float[] err;
    float[] mask;
    if (onGrid(s.wavelengthUm())) {
      int n = gridCentresUm.length;
      flux = new float[n];
      err = new float[n];
      mask = new float[n];
      for (int i = 0; i < n; i++) {
        boolean valid = (s.mask() == null || s.mask()[i]) && Double.isFinite(s.fluxUjy()[i])
            && Double.isFinite(s.fluxErrUjy()[i]) && s.fluxErrUjy()[i] > 0;
        flux[i] = valid ? (float) s.fluxUjy()[i] : 0f;
        err[i] = valid ? (float) s.fluxErrUjy()[i] : 0f;
        mask[i] = valid ? 1f : 0f;
      }
    } else {
      SpectrumResampler.Resampled r = resampler.resample(s.wavelengthUm(), s.fluxUjy(),
          s.fluxErrUjy(), s.mask());
      flux = r.flux();
      err = r.fluxErr();
      mask = r.mask();
    }
    StrainArrays strain = observation.strain();
    if (strain == null) {
      encoding.add(flux, err, mask, null, null);
    } else {
      float[] strainMask = new float[strain.mask().length];
      for (int i = 0; i < strainMask.length; i++) {
        strainMask[i] = strain.mask()[i] ? 1f : 0f;
      }
      encoding.add(flux, err, mask, strain.whitenedStrain(), strainMask);
    }
  }

  private boolean onGrid(double[] wavelengthUm) {
    if (wavelengthUm.length != gridCentresUm.length) {
      return false;
    }
    for (int i = 0; i < wavelengthUm.length; i++) {
      if (Math.abs(wavelengthUm[i] / gridCentresUm[i] - 1) > 1e-6) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    predictor.close();
  }

  /** Copies the mixture outputs out of native memory before the predictor frees it. */
  private static final class OutputCopy implements Translator<InputEncoding, float[][]> {
    @Override
    public NDList processInput(TranslatorContext ctx, InputEncoding input) {
      return input.toNDList(ctx.getNDManager());
    }

    @Override
    public float[][] processOutput(TranslatorContext ctx, NDList list) {
      return new float[][] {list.get(0).toFloatArray(), list.get(1).toFloatArray(),
          list.get(2).toFloatArray(), list.get(3).toFloatArray()};
    }

    @Override
    public Batchifier getBatchifier() {
      return null;
    }
  }
}
