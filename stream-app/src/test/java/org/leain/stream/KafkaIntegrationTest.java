package org.leain.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.Modality;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.lvk.SkyAlertDecoder;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.TestOnlyEngine;

/**
 * The app against a real single-node KRaft broker (child JVM), exactly-once: the real MS181101ab
 * preliminary notice (GCN JSON) and the real UNCOVER 45924 spectrum in, read back by a
 * read_committed Java consumer; an unreadable spectrum record becomes a committed dead letter. Then
 * a Python consumer (Debian's python3-confluent-kafka and python3-avro) reads the same posterior.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KafkaIntegrationTest {
  private static final String PYTHON = "/usr/bin/python3";
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start(BrokerOptions.defaults());
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  @Order(1)
  void realAlertAndSpectrum_giveACommittedAssociationAndPosterior_andBadBytesADeadLetter() throws Exception {
    Path state = Files.createTempDirectory("leain-it-state");
    LeainConfig config = LeainConfig.fromMap(Map.of("bootstrap.servers", broker.bootstrapServers(),
        "http.port", "0", "state.dir", state.toString(), "application.id", "leain-it"));
    assertEquals(6, LeainApp.createTopics(config).size());
    assertEquals(0, LeainApp.createTopics(config).size(), "idempotent");

    try (LeainApp app = LeainApp.start(config, new SkyAlertDecoder(), TestOnlyEngine::new)) {
      assertTrue(app.awaitRunning(Duration.ofSeconds(60)), "RUNNING, state " + app.state());
      Map<String, Object> producerProps = LeainApp.clientProperties(config);
      producerProps.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
      try (KafkaProducer<byte[], byte[]> producer =
          new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer())) {
        producer.send(new ProducerRecord<>("igwn.gwalert", null,
            Fixtures.read("data/lvk/MS181101ab-preliminary.json"))).get();
        producer.send(new ProducerRecord<>("leain.jwst.spectra", "BAD".getBytes(StandardCharsets.UTF_8),
            "not a spectrum".getBytes(StandardCharsets.UTF_8))).get();
        producer.send(new ProducerRecord<>("leain.jwst.spectra", "UNCOVER-45924".getBytes(StandardCharsets.UTF_8),
            ContractSerdes.spectrum().serializer().serialize("leain.jwst.spectra",
                Fixtures.uncover45924(194.30419921875, -17.8568950955455)))).get();
      }

      List<ConsumerRecord<String, byte[]>> associations = readCommitted("leain.associations", r -> true);
      Association association = ContractSerdes.association().deserializer().deserialize("a", associations.get(0).value());
      assertEquals("MS181101ab|UNCOVER-45924", associations.get(0).key());
      assertTrue(association.getAccepted());

      List<ConsumerRecord<String, byte[]>> posteriors = readCommitted("leain.posteriors", r -> true);
      DcbhPosterior posterior = ContractSerdes.dcbhPosterior().deserializer().deserialize("p", posteriors.get(0).value());
      assertEquals(List.of(Modality.SED), posterior.getModalities());
      assertTrue(posterior.getTimings().getEmittedMs() >= posterior.getTimings().getIngestSpectrumMs());

      List<ConsumerRecord<String, byte[]>> letters = readCommitted("leain.dlq", r -> true);
      DeadLetter letter = ContractSerdes.deadLetter().deserializer().deserialize("d", letters.get(0).value());
      assertEquals(DeadLetterReason.UNREADABLE_PAYLOAD, letter.getReasonCode());
      assertEquals("leain.jwst.spectra", letter.getOriginTopic());
      assertEquals("BAD", letter.getOriginKey());

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> superevent = http.send(HttpRequest.newBuilder(
          URI.create("http://localhost:" + app.httpPort() + "/superevents/MS181101ab")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, superevent.statusCode(), superevent.body());
      assertTrue(superevent.body().contains("UNCOVER-45924"));
    }
  }

  @Test
  @Order(2)
  void pythonConsumer_readsTheCommittedPosterior() throws Exception {
    ProcessBuilder check = new ProcessBuilder(PYTHON, "-c", "import confluent_kafka, avro").redirectErrorStream(true);
    Process probe;
    String problem = null;
    try {
      probe = check.start();
      String text = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (probe.waitFor() != 0) {
        problem = text.strip();
      }
    } catch (java.io.IOException e) {
      problem = e.getMessage();
    }
    if (problem != null) {
      if ("true".equals(System.getenv("CI"))) {
        org.junit.jupiter.api.Assertions.fail("CI=true requires python3-confluent-kafka and python3-avro: " + problem);
      }
      org.junit.jupiter.api.Assumptions.abort(
          "Install the Debian packages python3-confluent-kafka and python3-avro to run this test: " + problem);
    }
    Path root = Fixtures.root();
    Process python = new ProcessBuilder(PYTHON, root.resolve("stream-app/src/test/python/consume_posteriors.py").toString(),
        broker.bootstrapServers(), "leain.posteriors", root.resolve("schemas/fingerprints.json").toString(), "1", "60")
        .redirectErrorStream(true).start();
    String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, python.waitFor(), output);
    com.fasterxml.jackson.databind.JsonNode line = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(output.strip().split("\n")[0]);
    assertEquals("MS181101ab|UNCOVER-45924", line.get("key").asText(), output);
    assertEquals("MS181101ab|UNCOVER-45924", line.get("association_id").asText());
    assertEquals("SED", line.get("modalities").get(0).asText());
    assertEquals(1, line.get("modalities").size());
  }

  /** Polls a topic as a read_committed consumer until a matching record arrives (60 s at most). */
  private static List<ConsumerRecord<String, byte[]>> readCommitted(String topic,
      Predicate<ConsumerRecord<String, byte[]>> match) {
    Map<String, Object> props = new HashMap<>(broker.clientProperties());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 9 * 1024 * 1024);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<org.apache.kafka.common.TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
      while (found.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          if (match.test(r)) {
            found.add(r);
          }
        });
      }
      assertNotNull(found.isEmpty() ? null : found, "a committed record on " + topic);
      return found;
    }
  }
}
