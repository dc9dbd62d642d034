package org.leain.stream.inference;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.PosteriorTimings;
import org.leain.stream.dlq.DeadLetterException;
import org.leain.stream.join.AssociationChange;
import org.leain.stream.metrics.Counter;
import org.leain.stream.metrics.Stage;
import org.leain.stream.metrics.StreamMetrics;

/**
 * Accepted association in, posterior out (also kept in the posterior store for queries); a
 * withdrawal deletes it and emits a tombstone.
 */
final class InferenceStep implements Processor<String, AssociationChange, String, DcbhPosterior> {
  private final PerThreadEngines engines;
  private final StreamMetrics metrics;
  private ProcessorContext<String, DcbhPosterior> context;
  private KeyValueStore<String, DcbhPosterior> posteriors;
  private InferenceEngine engine;

  InferenceStep(PerThreadEngines engines, StreamMetrics metrics) {
    this.engines = engines;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, DcbhPosterior> context) {
    this.context = context;
    this.posteriors = context.getStateStore(InferenceTopology.POSTERIOR_STORE);
    this.engine = engines.acquire();
  }

  @Override
  public void process(Record<String, AssociationChange> record) {
    if (record.value() instanceof AssociationChange.Withdrawn withdrawn) {
      posteriors.delete(withdrawn.key());
      context.forward(new Record<String, DcbhPosterior>(withdrawn.key(), null, record.timestamp()));
      return;
    }
    AssociationChange.Accepted accepted = (AssociationChange.Accepted) record.value();
    long start = System.currentTimeMillis();
    DcbhPosterior posterior;
    try {
      posterior = engine.infer(accepted.association(), accepted.candidate(), accepted.spectrum());
    } catch (RuntimeException e) {
      throw new DeadLetterException(DeadLetterReason.MODEL_FAILURE,
          "Inference failed for " + accepted.key() + " (" + e.getClass().getSimpleName() + ")", e);
    }
    long end = System.currentTimeMillis();
    var timings = accepted.association().getTimings();
    long lastIngest = Math.max(timings.getIngestGwMs(), timings.getIngestSpectrumMs());
    posterior.setTimings(new PosteriorTimings(timings.getIngestGwMs(), timings.getIngestSpectrumMs(),
        timings.getJoinedMs(), start, end, end));
    posteriors.put(accepted.key(), posterior);
    metrics.record(Stage.JOIN_TO_INFERENCE, start - timings.getJoinedMs());
    metrics.record(Stage.INFERENCE, end - start);
    metrics.record(Stage.END_TO_END, end - lastIngest);
    metrics.increment(Counter.POSTERIORS);
    context.forward(new Record<>(accepted.key(), posterior, record.timestamp()));
  }

  @Override
  public void close() {
    if (engine != null) {
      engines.release(engine);
      engine = null;
    }
  }
}
