package org.leain.broker;

import java.util.Map;
import java.util.Objects;

/**
 * A topic to create: name, partition count and topic configs (e.g. {@code cleanup.policy},
 * {@code max.message.bytes}). The replication factor is the cluster's {@code default.replication.factor}
 * (1 on the embedded broker), so one list of specs serves the embedded broker and a real cluster.
 *
 * @param name a legal Kafka topic name: 1-249 characters of [A-Za-z0-9._-], not "." or ".."
 * @param partitions at least 1
 * @param configs topic-level configs; copied, never null
 */
public record TopicSpec(String name, int partitions, Map<String, String> configs) {

  public TopicSpec {
    if (name == null || !name.matches("[A-Za-z0-9._-]{1,249}") || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException(
          "Expected a topic name of 1-249 characters [A-Za-z0-9._-], not '.' or '..'. Actual: " + name);
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("Expected at least 1 partition for " + name + ". Actual: " + partitions);
    }
    Objects.requireNonNull(configs, "Expected topic configs (may be empty). Actual: null");
    configs = Map.copyOf(configs);
  }

  /** A topic with no configs of its own. */
  public static TopicSpec of(String name, int partitions) {
    return new TopicSpec(name, partitions, Map.of());
  }
}
