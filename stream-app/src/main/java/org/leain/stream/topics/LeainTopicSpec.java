package org.leain.stream.topics;

import java.util.Map;
import java.util.Optional;

/**
 * One topic to create: name, partitions, replication factor (empty = broker default) and topic
 * configs ({@code cleanup.policy}, {@code max.message.bytes}, ...).
 */
public record LeainTopicSpec(String name, int partitions, Optional<Short> replicationFactor, Map<String, String> configs) {

  public LeainTopicSpec {
    if (partitions < 1) {
      throw new IllegalArgumentException("Expected at least 1 partition. Actual: " + partitions);
    }
    configs = Map.copyOf(configs);
  }
}
