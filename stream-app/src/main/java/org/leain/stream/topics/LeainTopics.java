package org.leain.stream.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leain.stream.config.LeainConfig;

/**
 * The topic list LEAIN needs, with its configs. Input topics share one partition count so the
 * joined ones are co-partitioned; the internal repartition/changelog topics get the same record size
 * through {@link #internalTopicConfigs}.
 */
public final class LeainTopics {
  private LeainTopics() {}

  /** All six topics, in data-flow order, and the shadow truth topic when injections are on. */
  public static List<LeainTopicSpec> specs(LeainConfig config) {
    LeainConfig.TopicNames names = config.topics();
    LeainConfig.TopicLayout layout = config.layout();
    String maxBytes = Integer.toString(layout.maxMessageBytes());
    String tombstones = Long.toString(layout.tombstoneRetention().toMillis());
    // Spectra must outlive the join's wait for a late alert; a day's margin for restoration lag.
    String spectraRetention = Long.toString(config.join().retention().plus(Duration.ofDays(1)).toMillis());
    Map<String, String> compact = Map.of("cleanup.policy", "compact", "max.message.bytes", maxBytes,
        "delete.retention.ms", tombstones);
    List<LeainTopicSpec> specs = new ArrayList<>(List.of(
        spec(names.alerts(), layout, Map.of("max.message.bytes", maxBytes)),
        spec(names.candidates(), layout, compact),
        spec(names.spectra(), layout, Map.of("cleanup.policy", "delete", "max.message.bytes", maxBytes,
            "retention.ms", spectraRetention)),
        spec(names.associations(), layout, compact),
        spec(names.posteriors(), layout, compact),
        spec(names.dlq(), layout, Map.of("cleanup.policy", "delete", "max.message.bytes", maxBytes,
            "retention.ms", Long.toString(Duration.ofDays(30).toMillis())))));
    if (config.shadow().enabled()) {
      // Compacted, read whole into a global store by every instance.
      specs.add(spec(config.shadow().truthTopic(), layout, compact));
    }
    return List.copyOf(specs);
  }

  /**
   * Configs for the app's internal (repartition and changelog) topics, to be set with Kafka Streams'
   * {@code topic.} prefix: without them a 1 MB skymap changelog record fails at the broker default.
   */
  public static Map<String, String> internalTopicConfigs(LeainConfig config) {
    return Map.of("max.message.bytes", Integer.toString(config.layout().maxMessageBytes()));
  }

  private static LeainTopicSpec spec(String name, LeainConfig.TopicLayout layout, Map<String, String> configs) {
    return new LeainTopicSpec(name, layout.partitions(), layout.replicationFactor(), configs);
  }
}
