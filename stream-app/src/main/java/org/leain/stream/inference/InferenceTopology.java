package org.leain.stream.inference;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.join.AssociationChange;
import org.leain.stream.metrics.StreamMetrics;

/** Adds the inference step (processor {@code inference}, store {@value #POSTERIOR_STORE}). */
public final class InferenceTopology {
  /** Latest posterior per association (key {@code superevent_id|spectrum_id}). */
  public static final String POSTERIOR_STORE = "leain-posteriors";

  private InferenceTopology() {}

  /** Posteriors (and tombstones for withdrawals) keyed {@code superevent_id|spectrum_id}. */
  public static KStream<String, DcbhPosterior> install(StreamsBuilder builder, KStream<String, AssociationChange> changes,
      InferenceEngineFactory factory, StreamMetrics metrics) {
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(POSTERIOR_STORE),
        Serdes.String(), ContractSerdes.dcbhPosterior()).withCachingDisabled());
    PerThreadEngines engines = new PerThreadEngines(factory);
    return changes.process(() -> new InferenceStep(engines, metrics), Named.as("inference"), POSTERIOR_STORE);
  }
}
