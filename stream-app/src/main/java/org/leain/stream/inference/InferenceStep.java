package org.leain.stream.inference;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.PosteriorTimings;
import org.leain.stream.config.LeainConfig.InferenceBatching;
import org.leain.stream.dlq.DeadLetterException;
import org.leain.stream.dlq.DeadLetterRecords;
import org.leain.stream.join.AssociationChange;
import org.leain.stream.metrics.Counter;
import org.leain.stream.metrics.Stage;
import org.leain.stream.metrics.StreamMetrics;

/**
 * Accepted association in, posterior out (also kept in the posterior store for queries); a
 * withdrawal deletes it and emits a tombstone.
 *
 * <p>Without batching an association is inferred as it arrives, and a model failure is thrown as a
 * {@link DeadLetterException} for the configured handler. With batching it is put in the buffer store
 * under the next sequence number; the buffer is flushed when it holds {@code maxRecords}, on a
 * wall-clock punctuation every {@code maxWait}, and before a withdrawal (which must follow any
 * posterior of the same key still buffered). A flush runs one batch, forwards each posterior with the
 * buffered record's key, timestamp and headers, forwards a dead letter (built here, since the failing
 * record is no longer the one being processed) for each record the model failed on, and deletes the
 * buffered entries. A buffer left over from a run with batching (or restored after a crash) is
 * flushed before the next record even when batching is now off.
 */
final class InferenceStep implements Processor<String, AssociationChange, String, SpecificRecord> {
  private final PerThreadEngines engines;
  private final StreamMetrics metrics;
  private final InferenceBatching batching;
  private final DeadLetterRecords deadLetters;
  private ProcessorContext<String, SpecificRecord> context;
  private KeyValueStore<String, DcbhPosterior> posteriors;
  private KeyValueStore<String, BufferedAssociation> buffer;
  private InferenceEngine engine;
  /** Entries in the buffer now. */
  private int buffered;
  /** The next buffer key; keys are zero-padded so that the store's byte order is arrival order. */
  private long nextSequence;

  InferenceStep(PerThreadEngines engines, StreamMetrics metrics, InferenceBatching batching,
      DeadLetterRecords deadLetters) {
    this.engines = engines;
    this.metrics = metrics;
    this.batching = batching;
    this.deadLetters = deadLetters;
  }

  @Override
  public void init(ProcessorContext<String, SpecificRecord> context) {
    this.context = context;
    this.posteriors = context.getStateStore(InferenceTopology.POSTERIOR_STORE);
    this.buffer = context.getStateStore(InferenceTopology.BUFFER_STORE);
    try (KeyValueIterator<String, BufferedAssociation> it = buffer.all()) {
      while (it.hasNext()) {
        nextSequence = Long.parseLong(it.next().key) + 1;
        buffered++;
      }
    }
    this.engine = engines.acquire();
    if (batching.enabled() || buffered > 0) {
      Duration every = batching.maxWait();
      context.schedule(every, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }
  }

  @Override
  public void process(Record<String, AssociationChange> record) {
    if (record.value() instanceof AssociationChange.Withdrawn withdrawn) {
      flush();
      posteriors.delete(withdrawn.key());
      context.forward(new Record<String, SpecificRecord>(withdrawn.key(), null, record.timestamp(), record.headers()),
          InferenceTopology.POSTERIORS_CHILD);
      return;
    }
    AssociationChange.Accepted accepted = (AssociationChange.Accepted) record.value();
    if (!batching.enabled()) {
      flush();
      inferNow(accepted, record);
      return;
    }
    RecordMetadata source = context.recordMetadata().orElse(null);
    DeadLetterRecords.Origin origin = source == null ? new DeadLetterRecords.Origin(null, -1, -1, record.timestamp())
        : new DeadLetterRecords.Origin(source.topic(), source.partition(), source.offset(), record.timestamp());
    AssociationChange.Accepted light = new AssociationChange.Accepted(accepted.association(),
        BufferedAssociation.lightweight(accepted.candidate()), accepted.spectrum());
    buffer.put(String.format("%019d", nextSequence++),
        new BufferedAssociation(accepted.key(), light, record.timestamp(), record.headers(), origin));
    buffered++;
    if (buffered >= batching.maxRecords()) {
      flush();
    }
  }

  private void inferNow(AssociationChange.Accepted accepted, Record<String, AssociationChange> record) {
    long start = System.currentTimeMillis();
    DcbhPosterior posterior;
    try {
      posterior = engine.infer(accepted.association(), accepted.candidate(), accepted.spectrum());
    } catch (RuntimeException e) {
      throw new DeadLetterException(DeadLetterReason.MODEL_FAILURE, failureMessage(accepted, e), e);
    }
    emit(accepted, posterior, start, System.currentTimeMillis(), record.timestamp(), record.headers());
  }

  /**
   * Infers everything buffered in one batch and empties the buffer. Under exactly_once_v2 the
   * forwarded posteriors and dead letters, the posterior-store writes and the buffer deletions all
   * belong to the task's open transaction, which Kafka Streams commits only between calls of
   * process() and punctuate(): they become visible together or not at all.
   */
  private void flush() {
    if (buffered == 0) {
      return;
    }
    List<String> keys = new ArrayList<>(buffered);
    List<BufferedAssociation> entries = new ArrayList<>(buffered);
    try (KeyValueIterator<String, BufferedAssociation> it = buffer.all()) {
      it.forEachRemaining(kv -> {
        keys.add(kv.key);
        entries.add(kv.value);
      });
    }
    long start = System.currentTimeMillis();
    List<InferenceEngine.Outcome> outcomes = engine.inferBatch(entries.stream().map(BufferedAssociation::change).toList());
    long end = System.currentTimeMillis();
    for (int i = 0; i < entries.size(); i++) {
      BufferedAssociation entry = entries.get(i);
      InferenceEngine.Outcome outcome = outcomes.get(i);
      if (outcome.posterior() != null) {
        emit(entry.change(), outcome.posterior(), start, end, entry.timestampMs(), entry.headers());
      } else {
        deadLetter(entry, outcome.failure());
      }
      buffer.delete(keys.get(i));
    }
    buffered = 0;
  }

  private void emit(AssociationChange.Accepted accepted, DcbhPosterior posterior, long start, long end, long timestamp,
      Headers headers) {
    var timings = accepted.association().getTimings();
    long lastIngest = Math.max(timings.getIngestGwMs(), timings.getIngestSpectrumMs());
    posterior.setTimings(new PosteriorTimings(timings.getIngestGwMs(), timings.getIngestSpectrumMs(),
        timings.getJoinedMs(), start, end, end));
    posteriors.put(accepted.key(), posterior);
    metrics.record(Stage.JOIN_TO_INFERENCE, start - timings.getJoinedMs());
    metrics.record(Stage.INFERENCE, end - start);
    metrics.record(Stage.END_TO_END, end - lastIngest);
    metrics.increment(Counter.POSTERIORS);
    if (!posterior.getWarnings().isEmpty()) {
      metrics.increment(Counter.POSTERIORS_FLAGGED);
    }
    context.forward(new Record<>(accepted.key(), posterior, timestamp, headers), InferenceTopology.POSTERIORS_CHILD);
  }

  private void deadLetter(BufferedAssociation entry, RuntimeException failure) {
    DeadLetterException error = new DeadLetterException(DeadLetterReason.MODEL_FAILURE,
        failureMessage(entry.change(), failure), failure);
    byte[] key = entry.key().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    DeadLetter letter = deadLetters.deadLetter(entry.origin(), key, entry.toBytes(), DeadLetterReason.MODEL_FAILURE,
        error, System.currentTimeMillis());
    metrics.deadLetter(DeadLetterReason.MODEL_FAILURE.name());
    context.forward(new Record<>(entry.key(), letter, entry.timestampMs(), entry.headers()),
        InferenceTopology.DEAD_LETTERS_CHILD);
  }

  private static String failureMessage(AssociationChange.Accepted accepted, RuntimeException e) {
    return "Inference failed for " + accepted.key() + " (" + e.getClass().getSimpleName() + ")";
  }

  @Override
  public void close() {
    if (engine != null) {
      engines.release(engine);
      engine = null;
    }
  }
}
