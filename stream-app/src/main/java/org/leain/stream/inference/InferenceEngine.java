package org.leain.stream.inference;

import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;

/**
 * Runs the posterior network on one accepted association. Not thread-safe: one per stream thread.
 * Implementations fill everything in the posterior except {@code timings} (the processor sets them)
 * and throw a runtime exception when the model fails on a record.
 */
public interface InferenceEngine extends AutoCloseable {

  /**
   * The posterior for one association; the spectrum's SED always, the candidate's strain when it
   * has one (modalities say which were used).
   */
  DcbhPosterior infer(Association association, GwCandidate candidate, Spectrum spectrum);

  /** Releases native resources. */
  @Override
  void close();
}
