package org.leain.stream.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;
import org.leain.contracts.AlertType;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.LeainApp;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.lvk.SkyAlertDecoder;
import org.leain.stream.metrics.Counter;
import org.leain.stream.metrics.Stage;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.TestOnlyEngine;

/**
 * The stage latencies of a quiet app against a real broker (child JVM, exactly_once_v2, 20 ms
 * commit interval), each variant of extra settings on a fresh broker: one candidate, then spectra
 * inside its region one at a time every 250 ms ("spectrum last": the spectrum side's path to the
 * join), then 8 more candidates whose regions hold all those spectra, one every 500 ms ("candidate
 * last": the candidate side's path). Prints p50/p90 of ingest->join, join->inference and end-to-end
 * (the app's own histograms, ms) per variant and arrival order.
 *
 * <p>Run: see stream-app/RESULTS.md. Arguments: [spectra per variant, default 40].
 */
public final class JoinLatencyBench {
  private static final int CANDIDATES = 8;

  private JoinLatencyBench() {}

  public static void main(String[] args) throws Exception {
    int spectra = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    Map<String, Map<String, String>> variants = new LinkedHashMap<>();
    variants.put("kafka.max.task.idle.ms=0 (Kafka's default)", Map.of("kafka.max.task.idle.ms", "0"));
    variants.put("LEAIN defaults (max.task.idle.ms=-1)", Map.of());
    System.out.printf("load average at start: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
    processingOnly(spectra);
    System.out.println("| variant | arrival | ingest->join p50 / p90 ms | join->inference p50 / p90 ms | end-to-end p50 / p90 ms |");
    System.out.println("|---|---|---|---|---|");
    for (var variant : variants.entrySet()) {
      try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.forTests())) {
        Map<String, String> settings = new HashMap<>(variant.getValue());
        settings.put("bootstrap.servers", broker.bootstrapServers());
        settings.put("http.port", "0");
        settings.put("state.dir", Files.createTempDirectory("leain-latency").toString());
        LeainConfig config = LeainConfig.fromMap(settings);
        LeainApp.createTopics(config);
        try (LeainApp app = LeainApp.start(config, new SkyAlertDecoder(), TestOnlyEngine::new)) {
          if (!app.awaitRunning(Duration.ofSeconds(120))) {
            throw new IllegalStateException("Expected RUNNING. Actual: " + app.state());
          }
          Map<Stage, Histogram> before = snapshot(app);
          feed(config, app, spectra);
          Map<Stage, Histogram> spectrumLast = since(app, before);
          before = snapshot(app);
          candidatesLast(config, app, spectra, CANDIDATES);
          Map<Stage, Histogram> candidateLast = since(app, before);
          System.out.printf("| %s | spectrum last | %s | %s | %s |%n", variant.getKey(),
              p50p90(spectrumLast.get(Stage.INGEST_TO_JOIN)), p50p90(spectrumLast.get(Stage.JOIN_TO_INFERENCE)),
              p50p90(spectrumLast.get(Stage.END_TO_END)));
          System.out.printf("| %s | candidate last | %s | %s | %s |%n", variant.getKey(),
              p50p90(candidateLast.get(Stage.INGEST_TO_JOIN)), p50p90(candidateLast.get(Stage.JOIN_TO_INFERENCE)),
              p50p90(candidateLast.get(Stage.END_TO_END)));
        }
      }
    }
    System.out.printf("load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
  }

  private static void feed(LeainConfig config, LeainApp app, int spectra) throws Exception {
    Map<String, Object> props = new HashMap<>(LeainApp.clientProperties(config));
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
        new ByteArraySerializer())) {
      GwCandidate candidate = Fixtures.candidate("MS1", AlertType.PRELIMINARY, 1, System.currentTimeMillis(),
          Fixtures.gaussianMap(150, 20, 3, 6));
      producer.send(new ProducerRecord<>(config.topics().candidates(), "MS1",
          ContractSerdes.gwCandidate().serializer().serialize("c", candidate))).get();
      Thread.sleep(2_000);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < spectra; i++) {
        Spectrum s = Fixtures.spectrum("JW-" + i, 150 + 0.05 * (i % 10), 20 + 0.05 * (i / 10));
        ids.add(s.getSpectrumId());
        producer.send(new ProducerRecord<>(config.topics().spectra(), s.getSpectrumId(),
            ContractSerdes.spectrum().serializer().serialize("s", s))).get();
        Thread.sleep(250);
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (app.metrics().count(Counter.POSTERIORS) < spectra && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (app.metrics().count(Counter.POSTERIORS) < spectra) {
      throw new IllegalStateException("Expected " + spectra + " posteriors. Actual: "
          + app.metrics().count(Counter.POSTERIORS));
    }
  }

  /**
   * The candidate-last path without a broker (TopologyTestDriver, every hop immediate): wall and
   * process CPU time from piping one candidate to its last posterior, the work the broker run adds
   * its waits to.
   */
  private static void processingOnly(int spectra) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    List<Long> wallMs = new ArrayList<>();
    List<Long> cpuMs = new ArrayList<>();
    try (org.leain.stream.testing.StreamDriver stream = new org.leain.stream.testing.StreamDriver(Map.of(),
        (bytes, topic) -> {
          throw new UnsupportedOperationException();
        }, TestOnlyEngine::new)) {
      for (int i = 0; i < spectra; i++) {
        stream.spectrum(Fixtures.spectrum("JW-" + i, 150 + 0.05 * (i % 10), 20 + 0.05 * (i / 10)), 1_000L + i);
      }
      for (int c = 0; c < 2 * CANDIDATES; c++) {
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        stream.candidate(Fixtures.candidate("MS" + (2 + c), AlertType.PRELIMINARY, 1, 2_000L,
            Fixtures.gaussianMap(150, 20, 3, 6)), 2_000L + c);
        wallMs.add((System.nanoTime() - start) / 1_000_000);
        cpuMs.add((os.getProcessCpuTime() - cpu) / 1_000_000);
      }
      int out = stream.posteriors.readValuesToList().size();
      if (out != 2 * CANDIDATES * spectra) {
        throw new IllegalStateException("Expected " + 2 * CANDIDATES * spectra + " posteriors. Actual: " + out);
      }
    }
    java.util.Collections.sort(wallMs);
    java.util.Collections.sort(cpuMs);
    System.out.printf("TopologyTestDriver, candidate last (%d spectra each, %d candidates): wall ms median %d "
        + "(min %d, max %d), process CPU ms median %d%n", spectra, wallMs.size(), wallMs.get(wallMs.size() / 2),
        wallMs.get(0), wallMs.get(wallMs.size() - 1), cpuMs.get(cpuMs.size() / 2));
  }

  /** Candidates sent one by one (every 500 ms) after the spectra, each region holding all of them. */
  private static void candidatesLast(LeainConfig config, LeainApp app, int spectra, int candidates) throws Exception {
    Map<String, Object> props = new HashMap<>(LeainApp.clientProperties(config));
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    long expected = app.metrics().count(Counter.POSTERIORS) + (long) spectra * candidates;
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
        new ByteArraySerializer())) {
      for (int i = 0; i < candidates; i++) {
        String id = "MS" + (2 + i);
        GwCandidate candidate = Fixtures.candidate(id, AlertType.PRELIMINARY, 1, System.currentTimeMillis(),
            Fixtures.gaussianMap(150, 20, 3, 6));
        producer.send(new ProducerRecord<>(config.topics().candidates(), id,
            ContractSerdes.gwCandidate().serializer().serialize("c", candidate))).get();
        Thread.sleep(500);
      }
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (app.metrics().count(Counter.POSTERIORS) < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    if (app.metrics().count(Counter.POSTERIORS) < expected) {
      throw new IllegalStateException("Expected " + expected + " posteriors. Actual: "
          + app.metrics().count(Counter.POSTERIORS));
    }
  }

  private static Map<Stage, Histogram> snapshot(LeainApp app) {
    Map<Stage, Histogram> out = new java.util.EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      out.put(stage, app.metrics().histogram(stage).copy());
    }
    return out;
  }

  /** The values recorded since {@code before}. */
  private static Map<Stage, Histogram> since(LeainApp app, Map<Stage, Histogram> before) {
    Map<Stage, Histogram> now = snapshot(app);
    now.forEach((stage, h) -> h.subtract(before.get(stage)));
    return now;
  }

  private static String p50p90(Histogram h) {
    return h.getValueAtPercentile(50) + " / " + h.getValueAtPercentile(90);
  }
}
