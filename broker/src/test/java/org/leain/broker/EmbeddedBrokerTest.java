package org.leain.broker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One broker shared by the tests that only need a running broker. */
class EmbeddedBrokerTest {

  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start(BrokerOptions.forTests());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void aTwoMegabyteRecord_isProducedAndConsumedWhole() throws Exception {
    broker.createTopics(List.of(new TopicSpec("large", 1, Map.of("max.message.bytes", "8388608"))));
    byte[] value = new byte[2 * 1024 * 1024];
    new Random(7).nextBytes(value);

    Map<String, Object> producerConfig = broker.clientProperties();
    producerConfig.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    producerConfig.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 32L * 1024 * 1024);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>("large", "skymap".getBytes(), value)).get();
    }

    List<ConsumerRecord<byte[], byte[]>> records = consumeAll("large", "read_uncommitted", 1);
    assertEquals(1, records.size());
    assertArrayEquals(value, records.get(0).value());
  }

  @Test
  void transactionalRecords_areVisibleToReadCommittedConsumers_onlyWhenCommitted() throws Exception {
    broker.createTopics(List.of(TopicSpec.of("transactional", 1)));
    Map<String, Object> producerConfig = broker.clientProperties();
    producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "leain-test-tx");
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("transactional", "aborted".getBytes()));
      producer.abortTransaction();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("transactional", "committed".getBytes()));
      producer.commitTransaction();
    }

    List<ConsumerRecord<byte[], byte[]>> records = consumeAll("transactional", "read_committed", 1);
    assertEquals(List.of("committed"), records.stream().map(r -> new String(r.value())).toList());
  }

  @Test
  void ensuringTopicsTwice_createsThemOnce() {
    List<TopicSpec> topics = List.of(TopicSpec.of("twice-a", 4), TopicSpec.of("twice-b", 2));
    assertEquals(topics, broker.createTopics(topics));
    assertEquals(List.of(), broker.createTopics(topics));
  }

  @Test
  void anExistingTopicWithOtherPartitions_isRejected() {
    broker.createTopics(List.of(TopicSpec.of("four-partitions", 4)));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> broker.createTopics(List.of(TopicSpec.of("four-partitions", 2))));
    assertTrue(e.getMessage().contains("Expected existing topic four-partitions to have 2 partitions. Actual: 4"),
        e.getMessage());
  }

  @Test
  void topicConfigs_areApplied() throws Exception {
    broker.createTopics(List.of(new TopicSpec("compacted", 1, Map.of("cleanup.policy", "compact"))));
    try (Admin admin = Admin.create(broker.clientProperties())) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "compacted");
      var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
      assertEquals("compact", config.get("cleanup.policy").value());
    }
  }

  @Test
  void autoTopicCreation_isOff() throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties())) {
      Map<String, Object> consumerConfig = broker.clientProperties();
      consumerConfig.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true);
      try (KafkaConsumer<byte[], byte[]> consumer =
          new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
        consumer.partitionsFor("never-created", Duration.ofSeconds(2));
      } catch (TimeoutException expected) {
        // The metadata request for a missing topic does not create it.
      }
      assertFalse(admin.listTopics().names().get().contains("never-created"));
    }
  }

  static List<ConsumerRecord<byte[], byte[]>> consumeAll(String topic, String isolation, int expected) {
    return consumeAll(broker, topic, isolation, expected);
  }

  /** Reads a topic from the beginning until {@code expected} records arrived or 20 s passed. */
  static List<ConsumerRecord<byte[], byte[]>> consumeAll(
      EmbeddedBroker from, String topic, String isolation, int expected) {
    Map<String, Object> consumerConfig = new HashMap<>(from.clientProperties());
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + topic + "-" + System.nanoTime());
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
    consumerConfig.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      // A short extra poll catches records beyond the expected count (e.g. an aborted one leaking).
      consumer.poll(Duration.ofMillis(300)).forEach(records::add);
    }
    return records;
  }
}
