package org.leain.stream.inference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.dlq.DeadLetterRecords;
import org.leain.stream.join.AssociationChange;
import org.leain.stream.metrics.StreamMetrics;

/**
 * Adds the inference step: processor {@code inference} with stores {@value #POSTERIOR_STORE} and
 * {@value #BUFFER_STORE}, whose two children split its output into posteriors
 * ({@value #POSTERIORS_CHILD}) and the dead letters of failed records of a micro-batch
 * ({@value #DEAD_LETTERS_CHILD}, written to the DLQ topic by {@code inference-dead-letters-sink}).
 * The buffer store and the children exist whether batching is on or off, so the topology (and its
 * changelogs) does not change when {@code inference.batch.max.records} does.
 */
public final class InferenceTopology {
  /** Latest posterior per association (key {@code superevent_id|spectrum_id}). */
  public static final String POSTERIOR_STORE = "leain-posteriors";
  /** Accepted associations waiting for a micro-batch (key: arrival sequence number); changelogged. */
  public static final String BUFFER_STORE = "leain-inference-buffer";
  static final String POSTERIORS_CHILD = "inference-posteriors";
  static final String DEAD_LETTERS_CHILD = "inference-dead-letters";

  private InferenceTopology() {}

  /** Posteriors (and tombstones for withdrawals) keyed {@code superevent_id|spectrum_id}. */
  public static KStream<String, DcbhPosterior> install(StreamsBuilder builder, KStream<String, AssociationChange> changes,
      InferenceEngineFactory factory, LeainConfig config, StreamMetrics metrics) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POSTERIOR_STORE),
        Serdes.String(), ContractSerdes.dcbhPosterior()).withCachingDisabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BUFFER_STORE),
        Serdes.String(), BufferedAssociation.SERDE).withCachingDisabled().withLoggingEnabled(java.util.Map.of()));
    PerThreadEngines engines = new PerThreadEngines(factory);
    DeadLetterRecords deadLetters = new DeadLetterRecords(config.topics().dlq(), config.applicationId(),
        config.dlqMaxRawBytes());
    KStream<String, SpecificRecord> out = changes.process(
        () -> new InferenceStep(engines, metrics, config.batching(), deadLetters), Named.as("inference"),
        POSTERIOR_STORE, BUFFER_STORE);
    out.mapValues(v -> (DeadLetter) v, Named.as(DEAD_LETTERS_CHILD))
        .to(config.topics().dlq(), Produced.with(Serdes.String(), ContractSerdes.deadLetter())
            .withName("inference-dead-letters-sink"));
    return out.mapValues(v -> (DcbhPosterior) v, Named.as(POSTERIORS_CHILD));
  }
}
