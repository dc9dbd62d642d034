package org.leain.training.efficiency;

import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.network.NetworkConfig;
import org.leain.training.ExampleGenerator;
import org.leain.training.TrainingExample;

/**
 * An example generator that keeps examples 0..capacity-1 of one seed after their first use, so
 * that the study's runs (both models, nested sizes) simulate each training example once per JVM.
 * Other seeds and indices pass through uncached. Thread-safe.
 */
final class SharedExamples implements ExampleGenerator {

  private final ExampleGenerator source;
  private final long seed;
  private final AtomicReferenceArray<TrainingExample> cache;

  SharedExamples(ExampleGenerator source, long seed, int capacity) {
    this.source = source;
    this.seed = seed;
    this.cache = new AtomicReferenceArray<>(capacity);
  }

  @Override
  public TrainingExample example(long seed, long index) {
    if (seed != this.seed || index < 0 || index >= cache.length()) {
      return source.example(seed, index);
    }
    int i = (int) index;
    TrainingExample e = cache.get(i);
    if (e == null) {
      e = source.example(seed, index);
      cache.set(i, e);
    }
    return e;
  }

  @Override
  public NetworkConfig networkConfig(String kind) {
    return source.networkConfig(kind);
  }

  @Override
  public List<ModelManifest.ParameterSpec> parameters() {
    return source.parameters();
  }

  @Override
  public ModelManifest.Grid sedGrid() {
    return source.sedGrid();
  }

  @Override
  public ModelManifest.Grid strainGrid() {
    return source.strainGrid();
  }

  @Override
  public String description() {
    return source.description();
  }
}
