package org.leain.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.metrics.StreamMetrics;

/** Settings derived from the configuration that are not visible in the topology. */
class StreamsSettingsTest {

  private static Map<String, Object> settings(Map<String, String> extra) {
    Map<String, String> values = new HashMap<>(extra);
    values.put("bootstrap.servers", "localhost:9092");
    StreamsConfig validated = new StreamsConfig(StreamsSettings.of(LeainConfig.fromMap(values), new StreamMetrics()));
    return validated.originals();
  }

  @Test
  void tasksNeverIdleForAnEmptyCoPartitionedInput_unlessOverridden() {
    assertEquals(-1L, settings(Map.of()).get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG));
    assertEquals("0", settings(Map.of("kafka.max.task.idle.ms", "0")).get(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG));
  }

  @Test
  void instanceId_becomesTheMainConsumersGroupInstanceId() {
    StreamsConfig config = new StreamsConfig(StreamsSettings.of(LeainConfig.fromMap(Map.of(
        "bootstrap.servers", "localhost:9092", "instance.id", "leain-1")), new StreamMetrics()));
    // Kafka Streams suffixes the id with the stream thread's index (here 2), one member per thread.
    Map<String, Object> consumer = config.getMainConsumerConfigs("leain-stream", "client", 2);
    assertEquals("leain-1-2", consumer.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
    assertEquals(null, settings(Map.of()).get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG)));
  }
}
