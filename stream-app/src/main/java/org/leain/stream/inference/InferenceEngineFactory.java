package org.leain.stream.inference;

/** Creates one {@link InferenceEngine} per stream thread; must be thread-safe. */
@FunctionalInterface
public interface InferenceEngineFactory {

  /** A new engine, ready to infer (warmed up). */
  InferenceEngine create();
}
