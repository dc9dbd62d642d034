package org.leain.stream.lvk;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.metrics.StreamMetrics;

/**
 * Adds the normaliser: {@code alerts-source} (raw bytes) -&gt; {@code alerts-parse} -&gt; repartition
 * {@value #BY_SUPEREVENT_TOPIC} -&gt; {@code alerts-version} (store {@value #VERSION_STORE}) -&gt;
 * {@code candidates-sink}.
 */
public final class NormaliserTopology {
  /** Per-superevent versioning state. */
  public static final String VERSION_STORE = "leain-superevent-versions";
  /** Repartition topic suffix: notices keyed by superevent id. */
  public static final String BY_SUPEREVENT_TOPIC = "alerts-by-superevent";

  private NormaliserTopology() {}

  public static void install(StreamsBuilder builder, LeainConfig config, AlertDecoder decoder, StreamMetrics metrics) {
    String alerts = config.topics().alerts();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(VERSION_STORE),
        Serdes.String(), Serdes.ByteArray()).withCachingDisabled());
    builder.stream(alerts, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("alerts-source"))
        .process(() -> new AlertParsing(decoder, alerts, metrics), Named.as("alerts-parse"))
        .repartition(Repartitioned.with(Serdes.String(), ContractSerdes.gwCandidate())
            .withName(BY_SUPEREVENT_TOPIC).withNumberOfPartitions(config.layout().partitions()))
        .process(() -> new NoticeVersioner(metrics), Named.as("alerts-version"), VERSION_STORE)
        .to(config.topics().candidates(), Produced.with(Serdes.String(), ContractSerdes.gwCandidate())
            .withName("candidates-sink"));
  }
}
