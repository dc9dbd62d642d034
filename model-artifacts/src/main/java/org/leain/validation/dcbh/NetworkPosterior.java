package org.leain.validation.dcbh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumReader;
import org.leain.posterior.ParameterSummary;
import org.leain.posterior.Posterior;
import org.leain.posterior.PosteriorEstimator;
import org.leain.posterior.PosteriorModel;
import org.leain.posterior.SpectrumArrays;
import org.leain.posterior.StrainArrays;
import org.leain.posterior.head.ParameterBox;
import org.leain.sim.Observation;
import org.leain.validation.metrics.EventPosterior;
import org.leain.validation.run.AmortizedPosterior;

/**
 * A trained network (LEAIN or the baseline) from {@code model-artifacts/models/<name>/} as an
 * {@link AmortizedPosterior} over simulator observations: the SED goes in as a spectrum (resampled
 * by the estimator if it is not on the model's grid), the two whitened strain channels A then E as
 * one channel-major array (no strain when the observation has none). Parameters are reordered by
 * name to the validation problem's order. Not thread-safe: it owns one DJL predictor.
 */
public final class NetworkPosterior implements AmortizedPosterior<Observation>, AutoCloseable {

  private final PosteriorModel model;
  private final PosteriorEstimator estimator;
  private final int[] modelIndexOfProblemParameter;

  private NetworkPosterior(PosteriorModel model, List<String> problemParameters) {
    this.model = model;
    List<String> modelNames = new ArrayList<>();
    for (ParameterBox.Parameter p : model.box().parameters()) {
      modelNames.add(p.name());
    }
    if (modelNames.size() != problemParameters.size()) {
      model.close();
      throw new IllegalArgumentException("Expected a model over " + problemParameters + ". Actual: " + modelNames);
    }
    modelIndexOfProblemParameter = new int[problemParameters.size()];
    for (int j = 0; j < problemParameters.size(); j++) {
      int k = modelNames.indexOf(problemParameters.get(j));
      if (k < 0) {
        model.close();
        throw new IllegalArgumentException("Expected parameter " + problemParameters.get(j) + " in the model. Actual: "
            + modelNames);
      }
      modelIndexOfProblemParameter[j] = k;
    }
    this.estimator = model.newEstimator();
    estimator.warmUp();
  }

  /** Loads the model in {@code directory} (manifest.json + weights) for these parameters, in this order. */
  public static NetworkPosterior load(Path directory, List<String> problemParameters) throws IOException {
    return new NetworkPosterior(PosteriorModel.load(directory), problemParameters);
  }

  /** The hex sha256 of the weights this posterior runs (checked against the manifest on load). */
  public String weightsSha256() {
    return model.manifest().weightsSha256();
  }

  /**
   * Per-parameter summaries (in the problem's parameter order) of the posterior for a real spectrum without
   * strain, e.g. a JWST 1-D spectrum as a CSV (wave_um, flux_uJy, err_uJy), as {@code ./leain infer} reads it.
   */
  public List<ParameterSummary> summariesForSpectrum(Path spectrumCsv) throws IOException {
    JwstSpectrum table = SpectrumReader.read(Files.readAllBytes(spectrumCsv), spectrumCsv.getFileName().toString());
    Posterior p = estimator.infer(new SpectrumArrays(table.wavelengthUm(), table.fluxUjy(), table.fluxErrUjy(), null),
        null);
    List<ParameterSummary> modelOrder = p.summaries();
    List<ParameterSummary> out = new ArrayList<>();
    for (int k : modelIndexOfProblemParameter) {
      out.add(modelOrder.get(k));
    }
    return out;
  }

  @Override
  public String name() {
    return model.manifest().name();
  }

  @Override
  public EventPosterior posterior(Observation x) {
    return posteriors(List.of(x)).get(0);
  }

  @Override
  public List<EventPosterior> posteriors(List<Observation> observations) {
    List<PosteriorEstimator.Observation> inputs = new ArrayList<>();
    for (Observation x : observations) {
      inputs.add(new PosteriorEstimator.Observation(
          new SpectrumArrays(x.wavelengthUm(), x.fluxUjy(), x.fluxErrUjy(), x.sedMask()), strain(x)));
    }
    List<EventPosterior> out = new ArrayList<>();
    for (Posterior p : estimator.inferBatch(inputs)) {
      out.add(new Reordered(p, modelIndexOfProblemParameter));
    }
    return out;
  }

  private static StrainArrays strain(Observation x) {
    if (!x.hasStrain()) {
      return null;
    }
    int n = x.strainMask().length;
    float[] values = new float[2 * n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) x.strainA()[i];
      values[n + i] = (float) x.strainE()[i];
    }
    return new StrainArrays(values, x.strainMask());
  }

  @Override
  public void close() {
    estimator.close();
    model.close();
  }

  /** A network posterior with its parameters permuted to the problem's order (unit Jacobian). */
  private record Reordered(Posterior posterior, int[] modelIndex) implements EventPosterior {
    @Override
    public int dimension() {
      return modelIndex.length;
    }

    @Override
    public double[][] sample(int n, long seed) {
      double[][] raw = posterior.samples(n, seed);
      double[][] out = new double[n][modelIndex.length];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < modelIndex.length; j++) {
          out[i][j] = raw[i][modelIndex[j]];
        }
      }
      return out;
    }

    @Override
    public double logDensity(double[] theta) {
      double[] modelOrder = new double[theta.length];
      for (int j = 0; j < theta.length; j++) {
        modelOrder[modelIndex[j]] = theta[j];
      }
      return posterior.logDensity(modelOrder);
    }
  }
}
