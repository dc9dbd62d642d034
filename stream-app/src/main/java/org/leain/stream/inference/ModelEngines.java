package org.leain.stream.inference;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.leain.contracts.ModelInfo;
import org.leain.contracts.ParameterInfo;
import org.leain.contracts.ParameterTransform;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.PosteriorEstimator;
import org.leain.posterior.PosteriorModel;
import org.leain.stream.config.LeainConfig.ModelSettings;

/**
 * The production engines: the posterior network loaded once from the model directory (weights
 * checked against the manifest's sha256), one warmed-up estimator per stream thread. Close after the
 * streams client.
 */
public final class ModelEngines implements InferenceEngineFactory, AutoCloseable {
  private final PosteriorModel model;
  private final ModelInfo info;
  private final List<ParameterInfo> parameters;
  private final int samples;

  private ModelEngines(PosteriorModel model, int samples) {
    this.model = model;
    this.samples = samples;
    ModelManifest manifest = model.manifest();
    this.info = new ModelInfo(manifest.name(), manifest.format(), manifest.weightsSha256());
    this.parameters = manifest.parameters().stream().map(p -> new ParameterInfo(p.name(), p.unit(), p.lo(), p.hi(),
        transform(p.transform()))).toList();
  }

  /**
   * Loads the model of {@code settings}.
   *
   * @throws IOException when the directory, manifest or weights cannot be read or do not match
   * @throws IllegalStateException when a parameter transform has no symbol in the DcbhPosterior contract
   */
  public static ModelEngines factory(ModelSettings settings) throws IOException {
    return new ModelEngines(PosteriorModel.load(settings.dir()), settings.samples());
  }

  @Override
  public InferenceEngine create() {
    PosteriorEstimator estimator = model.newEstimator();
    estimator.warmUp();
    return new PosteriorEngine(estimator, info, parameters, samples, model.manifest().strainGrid().channels());
  }

  private static ParameterTransform transform(String manifestName) {
    String symbol = manifestName.toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return ParameterTransform.valueOf(symbol);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Expected a model transform the DcbhPosterior contract can name "
          + java.util.Arrays.toString(ParameterTransform.values()) + ". Actual: " + manifestName, e);
    }
  }

  @Override
  public void close() {
    model.close();
  }
}
