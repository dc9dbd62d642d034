package org.leain.training;

import org.leain.posterior.ModelManifest;
import org.leain.posterior.network.NetworkConfig;

/**
 * A source of noise-free training examples, reproducible by index so that a resumed run sees the
 * same data. Implementations are thread-safe.
 */
public interface ExampleGenerator {

  /** The example with this index (the same index always gives the same example). */
  TrainingExample example(long seed, long index);

  /** Architecture and grids of a network for these examples (kind "leain" or "baseline"). */
  NetworkConfig networkConfig(String kind);

  /** Output parameters with units, priors and transforms. */
  java.util.List<ModelManifest.ParameterSpec> parameters();

  /** The SED grid. */
  ModelManifest.Grid sedGrid();

  /** The strain grid. */
  ModelManifest.Grid strainGrid();

  /** A short description of the source for the manifest. */
  String description();
}
