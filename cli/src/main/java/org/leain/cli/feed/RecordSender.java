package org.leain.cli.feed;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A producer of already-encoded records (UTF-8 string keys, byte values) that waits for each
 * acknowledgement, so a caller knows a record is stored before it sends the next one: the feed
 * commands replay notices in order and the demo depends on the order of its phases.
 *
 * <p>Records up to 8 MiB are allowed ({@code max.request.size}): a real LVK notice with a combined
 * sky map is about 1.4 MB and GCN allows 4 MiB. Idempotent with {@code acks=all}.
 */
public final class RecordSender implements AutoCloseable {

  /** Largest record the sender accepts, bytes (the LEAIN topics' default max.message.bytes). */
  public static final int MAX_REQUEST_BYTES = 8 * 1024 * 1024;

  private static final long SEND_TIMEOUT_SECONDS = 60;

  private final KafkaProducer<String, byte[]> producer;

  /**
   * @param clientProperties {@code bootstrap.servers} and any security settings; producer settings
   *     given here win over the sender's defaults
   */
  public RecordSender(Map<String, Object> clientProperties) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
    properties.putAll(clientProperties);
    this.producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
  }

  /**
   * Sends one record and waits until the broker stored it.
   *
   * @param key the record key (may be null, as upstream alerts may have none)
   * @param value the encoded value (null is a tombstone)
   * @throws IllegalStateException when the broker does not acknowledge within a minute
   */
  public RecordMetadata send(String topic, String key, byte[] value) {
    try {
      return producer.send(new ProducerRecord<>(topic, key, value)).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while sending to " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not send a record to " + topic + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Expected an acknowledgement from the broker for " + topic + " within " + SEND_TIMEOUT_SECONDS
              + " s. Actual: none (is the topic there and the broker reachable?)", e);
    }
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(10));
  }
}
