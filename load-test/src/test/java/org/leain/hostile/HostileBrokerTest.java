package org.leain.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;
import org.leain.chaos.RunMain;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.load.app.AppInstances;
import org.leain.load.feed.FeedSpec;
import org.leain.load.feed.FeedSpectrum;
import org.leain.load.feed.LoadFeed;

/**
 * The whole committed corpus through a real KRaft broker into the real app ({@code run} in a child
 * JVM with the repository's model, exactly-once), valid spectra interleaved. What an operator
 * relies on and {@link HostileTopologyTest} cannot show: the dead letters are committed and
 * readable by a read_committed consumer, each names the exact (topic, partition, offset) the
 * broker gave the hostile record, every valid spectrum still gets its posterior, and the process
 * survives with its resident memory inside the caps it was started with.
 */
class HostileBrokerTest {

  private static final String ALERTS = "igwn.gwalert";
  private static final int HEAP_MIB = 768;
  private static final int DIRECT_MIB = 128;
  /**
   * Resident-memory bound for the app after the corpus: heap cap + direct-memory cap + 700 MiB for
   * the JVM itself, metaspace, thread stacks, RocksDB and the PyTorch native library (about 450 MiB
   * resident for the model alone, measured with the same child JVM). A reader that allocated a
   * hostile record's claimed size (2e9 elements) would blow through it or die of OutOfMemoryError.
   */
  private static final long RSS_LIMIT_MIB = HEAP_MIB + DIRECT_MIB + 700;

  private record Origin(String topic, int partition, long offset) {}

  @Test
  void theCorpusThroughARealBrokerAndApp_givesCommittedDeadLettersWithExactOrigins_andEveryValidPosterior(
      @TempDir Path dir) throws Exception {
    HostileCorpus corpus = HostileCorpus.committed();
    List<HostileCase> cases = corpus.cases().stream().filter(c -> !c.topic().equals(SpectrumFileCases.TOPIC)).toList();
    LoadFeed feed = new LoadFeed(new FeedSpec("hostilebroker", 4, 100.0, 1, 0.0, 11));
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.forTests().withPort(freePort())
        .withDataDir(dir.resolve("broker")));
        Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()));
        AppInstances app = AppInstances.start(java(RunMain.class.getName()), broker.bootstrapServers(), 1,
            "leain-hostile-broker", Map.of(), dir.resolve("app"))) {
      app.awaitReady(admin, Duration.ofSeconds(180));

      Map<Origin, HostileCase> byOrigin = new HashMap<>();
      List<String> rejectedByBroker = new ArrayList<>();
      Set<String> expectedPosteriors = new HashSet<>();
      try (KafkaProducer<byte[], byte[]> producer = producer(broker.bootstrapServers())) {
        for (GwCandidate alert : feed.alerts()) {
          send(producer, AvroCases.CANDIDATES, alert.getSupereventId(),
              ContractSerdes.gwCandidate().serializer().serialize(AvroCases.CANDIDATES, alert));
        }
        int valid = 0;
        for (int i = 0; i < cases.size(); i++) {
          HostileCase c = cases.get(i);
          try {
            RecordMetadata m = send(producer, c.topic(), c.key(), corpus.value(c));
            byOrigin.put(new Origin(m.topic(), m.partition(), m.offset()), c);
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RecordTooLargeException)) {
              throw e;
            }
            // Larger than the topic's max.message.bytes: the broker is the first line of defence.
            rejectedByBroker.add(c.name());
          }
          if (i % 3 == 0) {
            FeedSpectrum s = feed.spectrum(valid++);
            send(producer, AvroCases.SPECTRA, s.spectrum().getSpectrumId(),
                ContractSerdes.spectrum().serializer().serialize(AvroCases.SPECTRA, s.spectrum()));
            s.expectedSupereventIds().forEach(id -> expectedPosteriors.add(id + "|" + s.spectrum().getSpectrumId()));
          }
        }
      }
      long expectedLetters = byOrigin.values().stream().filter(c -> c.dlqReason() != null).count();
      System.out.printf("hostile corpus via broker: %d records sent, %d rejected by the broker (%s), %d dead letters"
          + " and %d posteriors expected%n", byOrigin.size(), rejectedByBroker.size(), rejectedByBroker,
          expectedLetters, expectedPosteriors.size());

      Map<Origin, List<String>> letters = new HashMap<>();
      Set<String> posteriors = new HashSet<>();
      readCommitted(broker.bootstrapServers(), letters, posteriors, expectedLetters, expectedPosteriors,
          Duration.ofSeconds(180));

      Map<String, String> mismatches = new TreeMap<>();
      for (Map.Entry<Origin, HostileCase> e : byOrigin.entrySet()) {
        HostileCase c = e.getValue();
        List<String> expected = c.dlqReason() == null ? List.of() : List.of(c.dlqReason());
        List<String> actual = letters.getOrDefault(e.getKey(), List.of());
        if (!actual.equals(expected)) {
          mismatches.put(c.name(), "expected " + expected + ", actual " + actual + " at " + e.getKey());
        }
      }
      Map<Origin, List<String>> strays = new TreeMap<>(java.util.Comparator.comparing(Origin::toString));
      letters.forEach((origin, reasons) -> {
        if (!byOrigin.containsKey(origin)) {
          strays.put(origin, reasons);
        }
      });
      assertEquals(Map.of(), mismatches, "cases whose committed dead letters differ from the manifest");
      assertEquals(Map.of(), strays, "dead letters whose origin is no hostile record");
      assertTrue(expectedPosteriors.size() >= 90, "Expected many interleaved valid spectra. Actual: "
          + expectedPosteriors.size());
      assertEquals(Set.of(), difference(expectedPosteriors, posteriors), "valid spectra without a posterior");

      assertEquals(0, app.exited(), "Expected the app alive after the corpus. Actual: it exited");
      assertEquals(200, status(app.httpPorts().get(0), "/health"), "/health after the corpus");
      long rssMiB = residentMiB(app.processes().get(0).pid());
      System.out.printf("app resident memory after the corpus: %d MiB (limit %d MiB)%n", rssMiB, RSS_LIMIT_MIB);
      assertTrue(rssMiB < RSS_LIMIT_MIB, "Expected the app's resident memory below " + RSS_LIMIT_MIB
          + " MiB. Actual: " + rssMiB + " MiB");
    }
  }

  private static RecordMetadata send(KafkaProducer<byte[], byte[]> producer, String topic, String key, byte[] value)
      throws Exception {
    byte[] k = key == null ? null : key.getBytes(StandardCharsets.UTF_8);
    return producer.send(new ProducerRecord<>(topic, k, value)).get();
  }

  private static void readCommitted(String bootstrap, Map<Origin, List<String>> letters, Set<String> posteriors,
      long expectedLetters, Set<String> expectedPosteriors, Duration timeout) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "hostile-broker-check");
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of("leain.dlq", "leain.posteriors"));
      long settledAt = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, settledAt)) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.topic().equals("leain.dlq")) {
            DeadLetter d = ContractSerdes.deadLetter().deserializer().deserialize(r.topic(), r.value());
            letters.computeIfAbsent(new Origin(d.getOriginTopic(), d.getOriginPartition(), d.getOriginOffset()),
                o -> new ArrayList<>()).add(d.getReasonCode().name());
          } else if (r.value() != null) {
            posteriors.add(r.key());
          }
        }
        long letterCount = letters.values().stream().mapToLong(List::size).sum();
        if (settledAt == Long.MAX_VALUE && letterCount >= expectedLetters && posteriors.containsAll(expectedPosteriors)) {
          settledAt = System.nanoTime() + Duration.ofSeconds(3).toNanos(); // catch late extras
        }
      }
    }
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 64 << 20);
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20);
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new HashSet<>(a);
    d.removeAll(b);
    return d;
  }

  private static int status(int port, String path) throws Exception {
    HttpResponse<Void> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.discarding());
    return response.statusCode();
  }

  /** VmRSS of a Linux process, MiB. */
  private static long residentMiB(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    throw new IllegalStateException("Expected VmRSS in /proc/" + pid + "/status. Actual: none");
  }

  private static List<String> java(String mainClass) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + HEAP_MIB + "m",
        "-XX:MaxDirectMemorySize=" + DIRECT_MIB + "m", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-Dai.djl.pytorch.num_interop_threads=1", "-Dleain.root=" + HostileCorpus.repositoryRoot(), "-cp",
        System.getProperty("java.class.path"), mainClass);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
