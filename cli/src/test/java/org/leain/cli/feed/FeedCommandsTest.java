package org.leain.cli.feed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;
import org.leain.broker.TopicSpec;
import org.leain.cli.Leain;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.AvroCodec;
import org.leain.demo.RepositoryRoot;
import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumReader;

/** The feed commands against a real embedded broker: what a consumer reads back is what the files hold. */
class FeedCommandsTest {

  private static final Path LVK = RepositoryRoot.find().resolve("data/lvk");
  private static final Path JWST = RepositoryRoot.find().resolve("data/jwst");
  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start(BrokerOptions.forTests());
    broker.createTopics(List.of(TopicSpec.of("igwn.gwalert", 2), TopicSpec.of("leain.jwst.spectra", 2),
        TopicSpec.of("replay-failure", 1)));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void replayLvk_publishesEachFileByteForByte_inOrder_keyedBySupereventId() throws Exception {
    List<Path> files = List.of(LVK.resolve("MS181101ab-preliminary.json"), LVK.resolve("MS181101ab-update.avro"),
        LVK.resolve("MS181101ab-retraction.json"));
    List<String> args = new ArrayList<>(List.of("replay-lvk"));
    files.forEach(f -> args.add(f.toString()));
    args.addAll(List.of("--bootstrap-servers", broker.bootstrapServers()));

    assertEquals(0, Leain.commandLine().execute(args.toArray(String[]::new)));

    List<ConsumerRecord<String, byte[]>> records = readAll("igwn.gwalert", 3);
    assertEquals(3, records.size());
    for (int i = 0; i < files.size(); i++) {
      assertEquals("MS181101ab", records.get(i).key());
      assertArrayEquals(Files.readAllBytes(files.get(i)), records.get(i).value(), "record " + i + " differs from " + files.get(i));
    }
  }

  @Test
  void replayLvk_withAnUnparsableFile_namesIt_andSendsNothing(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken-alert.json");
    Files.writeString(broken, "{\"superevent_id\": \"MS1\", \"alert_type\": ");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream previous = System.err;
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = Leain.commandLine().execute("replay-lvk", LVK.resolve("MS181101ab-preliminary.json").toString(),
          broken.toString(), "--topic", "replay-failure", "--bootstrap-servers", broker.bootstrapServers());
    } finally {
      System.setErr(previous);
    }
    assertEquals(1, exit);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains(broken.toString()), err.toString(StandardCharsets.UTF_8));
    assertEquals(0, endOffset("replay-failure"));
  }

  @Test
  void produceSpectrum_publishesTheFilesArraysAsSpectrumAvro_withTheGivenPositionAndId() throws Exception {
    Path file = JWST.resolve("uncover-v4_prism-clear_2561_45924.spec.fits");
    int exit = Leain.commandLine().execute("produce-spectrum", file.toString(), "--bootstrap-servers",
        broker.bootstrapServers(), "--ra", "194.30", "--dec", "-17.86", "--id", "feed-test-45924",
        "--obs-time", "2023-01-15T10:30:00Z");
    assertEquals(0, exit);

    List<ConsumerRecord<String, byte[]>> records = readAll("leain.jwst.spectra", 1);
    assertEquals(1, records.size());
    assertEquals("feed-test-45924", records.get(0).key());
    Spectrum spectrum = AvroCodec.of(Spectrum.class).decode(records.get(0).value());
    JwstSpectrum expected = SpectrumReader.read(Files.readAllBytes(file), file.getFileName().toString());
    assertEquals("feed-test-45924", spectrum.getSpectrumId());
    assertEquals(194.30, spectrum.getRaDeg(), 1e-12);
    assertEquals(-17.86, spectrum.getDecDeg(), 1e-12);
    assertEquals(1673778600000L, spectrum.getObservationTimeMs());
    assertEquals(expected.size(), spectrum.getWavelengthUm().size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.wavelengthUm()[i], spectrum.getWavelengthUm().get(i), 0.0);
      assertEquals(expected.usable()[i], spectrum.getMask().get(i));
      if (expected.usable()[i]) {
        assertEquals(expected.fluxUjy()[i], spectrum.getFluxUjy().get(i), 0.0);
        assertEquals(expected.fluxErrUjy()[i], spectrum.getFluxErrUjy().get(i), 0.0);
      }
    }
  }

  private static List<ConsumerRecord<String, byte[]>> readAll(String topic, int expected) {
    Map<String, Object> props = new HashMap<>(broker.clientProperties());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  private static long endOffset(String topic) {
    Map<String, Object> props = new HashMap<>(broker.clientProperties());
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
