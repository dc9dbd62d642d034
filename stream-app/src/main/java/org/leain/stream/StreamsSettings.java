package org.leain.stream;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.dlq.LeainExceptionHandlers;
import org.leain.stream.metrics.StreamMetrics;
import org.leain.stream.topics.LeainTopics;

/**
 * The Kafka Streams properties for a configuration: exactly-once v2 with a low commit interval
 * (each repartition hop waits up to one interval), records up to {@code topics.max.message.bytes}
 * everywhere (producer requests, consumer fetches, internal topics through the {@code topic.}
 * prefix), the three dead-letter handlers, then TLS/SASL and the {@code kafka.} pass-through.
 *
 * <p>{@code max.task.idle.ms = -1}: the join task (candidate cells and spectrum cells) and the
 * decision task (candidates and pairs) each read two co-partitioned inputs. With Kafka's default (0)
 * a task with data on one input and none buffered on the other first waits for a fetch that
 * confirms the other is caught up, which costs up to the consumer's {@code fetch.max.wait.ms}
 * (500 ms) per hop. The wait only serves timestamp-ordered merging of the inputs, which LEAIN does
 * not rely on (measurements, which were noisy on a shared machine, are in stream-app/RESULTS.md): the join
 * keeps both sides on ingestion time whichever arrives first, and the decision compares versions
 * against the candidate's current state. {@code kafka.max.task.idle.ms} overrides it.
 *
 * <p>Static membership: with {@code instance.id} set, the main consumer joins the group with that
 * {@code group.instance.id}. A restarted instance that comes back within the consumer's
 * {@code session.timeout.ms} (Kafka's default 45 s; {@code kafka.session.timeout.ms} changes it)
 * takes its tasks back without a rebalance, so a rolling restart does not shuffle state between
 * instances. The price: an instance that dies for good is only noticed after the session timeout,
 * and its partitions are not processed until then. Choose the timeout just above a normal restart
 * (pod start plus model warm-up), not longer. Without an instance id a leaving member triggers a
 * rebalance at once.
 */
public final class StreamsSettings {
  private StreamsSettings() {}

  /**
   * The properties; {@code metrics} is passed as an object for the handlers to count dead letters.
   * Uses a map (not {@code Properties}) since one value is not a string.
   */
  public static Map<String, Object> of(LeainConfig config, StreamMetrics metrics) {
    Map<String, Object> p = new HashMap<>();
    int maxBytes = config.layout().maxMessageBytes();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.delivery().processingGuarantee());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.delivery().commitInterval().toMillis());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.delivery().streamThreads());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), maxBytes + 64 * 1024);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
    // Never idle waiting for an empty co-partitioned input (see the class comment).
    p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), maxBytes + 64 * 1024);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), Math.max(52_428_800, maxBytes * 2));
    LeainTopics.internalTopicConfigs(config).forEach((k, v) -> p.put(StreamsConfig.topicPrefix(k), v));
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LeainExceptionHandlers.Deserialization.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LeainExceptionHandlers.Processing.class);
    p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, LeainExceptionHandlers.Production.class);
    p.put(LeainExceptionHandlers.DLQ_TOPIC, config.topics().dlq());
    p.put(LeainExceptionHandlers.MAX_RAW_BYTES, Integer.toString(config.dlqMaxRawBytes()));
    p.put(LeainExceptionHandlers.METRICS, metrics);
    p.putAll(config.security().clientProperties());
    p.putAll(config.kafkaPassThrough());
    // Static membership for the main consumer only (Kafka Streams suffixes it per stream thread).
    config.instanceId().ifPresent(id ->
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
    return p;
  }

  /** The same as {@link Properties}, for APIs that take them. */
  public static Properties properties(LeainConfig config, StreamMetrics metrics) {
    Properties properties = new Properties();
    properties.putAll(of(config, metrics));
    return properties;
  }
}
