package org.leain.stream.inference;

import java.util.ArrayList;
import java.util.List;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.stream.join.AssociationChange;

/**
 * Runs the posterior network on one accepted association. Not thread-safe: one per stream thread.
 * Implementations fill everything in the posterior except {@code timings} (the processor sets them)
 * and throw a runtime exception when the model fails on a record.
 */
public interface InferenceEngine extends AutoCloseable {

  /**
   * The posterior for one association; the spectrum's SED always, the candidate's strain when it
   * has one (modalities say which were used). The candidate's sky maps and original notice may be
   * absent: a micro-batch buffers candidates without them, since the network does not read them.
   */
  DcbhPosterior infer(Association association, GwCandidate candidate, Spectrum spectrum);

  /**
   * One record's outcome in a batch: its posterior, or the failure of the model on it (exactly one
   * of the two is non-null).
   */
  record Outcome(DcbhPosterior posterior, RuntimeException failure) {
    public Outcome {
      if ((posterior == null) == (failure == null)) {
        throw new IllegalArgumentException("Expected a posterior or a failure. Actual: " + posterior + ", " + failure);
      }
    }
  }

  /**
   * The posteriors of several associations, in order, one outcome per input: a failure of the
   * model on one record is that record's outcome and does not fail the others. The default runs
   * {@link #infer} per record; engines with a batched forward pass override it.
   */
  default List<Outcome> inferBatch(List<AssociationChange.Accepted> batch) {
    List<Outcome> out = new ArrayList<>(batch.size());
    for (AssociationChange.Accepted a : batch) {
      try {
        out.add(new Outcome(infer(a.association(), a.candidate(), a.spectrum()), null));
      } catch (RuntimeException e) {
        out.add(new Outcome(null, e));
      }
    }
    return out;
  }

  /** Releases native resources. */
  @Override
  void close();
}
