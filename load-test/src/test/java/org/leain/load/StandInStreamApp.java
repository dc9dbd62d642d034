package org.leain.load;

import com.sun.net.httpserver.HttpServer;
import java.io.Reader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leain.broker.TopicCreator;
import org.leain.broker.TopicSpec;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Modality;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.PosteriorTimings;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.AvroCodec;
import org.leain.sky.crossmatch.Crossmatch;
import org.leain.sky.skymap.Skymap;
import org.leain.sky.skymap.SkymapIndex;
import org.leain.sky.skymap.SkymapMetadata;

/**
 * A small stand-in for the stream app, run as a child process by the load test's own tests until
 * {@code ./leain run} exists: the same command line ({@code run --bootstrap-servers B --http-port P
 * --config FILE}), the same topics, a read_committed consumer in group {@code application.id}, the
 * exact sky decision of the sky module (searched probability at most 0.9, either side first), and
 * transactional posteriors with all six timestamps, and {@code GET /ready} on its HTTP port (200 once
 * its consumer has been assigned partitions, 503 before). It has no model: posteriors carry fixed
 * summaries. With {@code standin.fail=true} in its config it prints a message and exits 3.
 */
public final class StandInStreamApp {

  static final String FAILURE_MESSAGE = "stand-in: asked to fail by its configuration";

  private StandInStreamApp() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    if (args.length == 0 || !args[0].equals("run")) {
      System.err.println("usage: run --bootstrap-servers B --http-port P --config FILE");
      System.exit(2);
    }
    Properties config = new Properties();
    try (Reader reader = Files.newBufferedReader(Path.of(options.get("--config")))) {
      config.load(reader);
    }
    if (Boolean.parseBoolean(config.getProperty("standin.fail", "false"))) {
      System.out.println(FAILURE_MESSAGE);
      System.exit(3);
    }
    new StandIn(options.get("--bootstrap-servers"), config.getProperty("application.id"),
        Integer.parseInt(options.get("--http-port"))).run();
  }

  private static final class StandIn {
    private final String bootstrap;
    private final String applicationId;
    private final AvroCodec<GwCandidate> candidates = AvroCodec.of(GwCandidate.class, 64 << 20);
    private final AvroCodec<Spectrum> spectra = AvroCodec.of(Spectrum.class);
    private final AvroCodec<DcbhPosterior> posteriors = AvroCodec.of(DcbhPosterior.class);
    private final Map<String, SkymapIndex> alerts = new LinkedHashMap<>();
    private final Map<String, Long> alertIngestMs = new HashMap<>();
    private final List<Spectrum> spectraSeen = new ArrayList<>();
    private final Map<String, Long> spectrumIngestMs = new HashMap<>();
    private final int httpPort;
    private volatile boolean assigned;

    StandIn(String bootstrap, String applicationId, int httpPort) {
      this.bootstrap = bootstrap;
      this.applicationId = applicationId;
      this.httpPort = httpPort;
    }

    void run() throws Exception {
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", httpPort), 0);
      http.createContext("/ready", exchange -> {
        exchange.sendResponseHeaders(assigned ? 200 : 503, -1);
        exchange.close();
      });
      http.start();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
        TopicCreator.ensure(admin, Stream.of(LoadTest.CANDIDATES_TOPIC, LoadTest.SPECTRA_TOPIC,
            LoadTest.POSTERIORS_TOPIC, LoadTest.DLQ_TOPIC)
            .map(name -> new TopicSpec(name, 4, Map.of("max.message.bytes", "16777216"))).toList(),
            Duration.ofSeconds(30));
      }
      Map<String, Object> consumerProperties = Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ConsumerConfig.GROUP_ID_CONFIG, applicationId,
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
          ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
          ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20,
          ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
      Map<String, Object> producerProperties = Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
          ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-" + ProcessHandle.current().pid(),
          ProducerConfig.LINGER_MS_CONFIG, 1);
      try (KafkaConsumer<String, byte[]> consumer =
              new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
          KafkaProducer<String, byte[]> producer =
              new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer())) {
        producer.initTransactions();
        consumer.subscribe(List.of(LoadTest.CANDIDATES_TOPIC, LoadTest.SPECTRA_TOPIC));
        while (true) {
          List<DcbhPosterior> out = new ArrayList<>();
          var records = consumer.poll(Duration.ofMillis(20));
          assigned = !consumer.assignment().isEmpty();
          for (ConsumerRecord<String, byte[]> record : records) {
            if (record.topic().equals(LoadTest.CANDIDATES_TOPIC)) {
              onCandidate(candidates.decode(record.value()), record.timestamp(), out);
            } else {
              onSpectrum(spectra.decode(record.value()), record.timestamp(), out);
            }
          }
          if (!out.isEmpty()) {
            producer.beginTransaction();
            for (DcbhPosterior posterior : out) {
              producer.send(new ProducerRecord<>(LoadTest.POSTERIORS_TOPIC, posterior.getAssociationId(),
                  posteriors.encode(posterior)));
            }
            producer.commitTransaction();
          }
        }
      }
    }

    private void onCandidate(GwCandidate candidate, long ingestMs, List<DcbhPosterior> out) {
      MultiOrderSkymap map = candidate.getSkymap();
      Skymap skymap = Skymap.of(map.getUniq().stream().mapToLong(Long::longValue).toArray(),
          map.getProbdensityPerSr().stream().mapToDouble(Double::doubleValue).toArray(),
          null, null, null, SkymapMetadata.NONE);
      SkymapIndex index = skymap.index();
      alerts.put(candidate.getSupereventId(), index);
      alertIngestMs.put(candidate.getSupereventId(), ingestMs);
      for (Spectrum spectrum : spectraSeen) {
        match(candidate.getSupereventId(), index, spectrum, out);
      }
    }

    private void onSpectrum(Spectrum spectrum, long ingestMs, List<DcbhPosterior> out) {
      spectraSeen.add(spectrum);
      spectrumIngestMs.put(spectrum.getSpectrumId(), ingestMs);
      for (Map.Entry<String, SkymapIndex> alert : alerts.entrySet()) {
        match(alert.getKey(), alert.getValue(), spectrum, out);
      }
    }

    private void match(String supereventId, SkymapIndex index, Spectrum spectrum, List<DcbhPosterior> out) {
      if (Crossmatch.at(index, spectrum.getRaDeg(), spectrum.getDecDeg()).searchedProb() > 0.9) {
        return;
      }
      long joinedMs = System.currentTimeMillis();
      PosteriorTimings timings = new PosteriorTimings(alertIngestMs.get(supereventId),
          spectrumIngestMs.get(spectrum.getSpectrumId()), joinedMs, joinedMs, System.currentTimeMillis(),
          System.currentTimeMillis());
      out.add(ExamplePosteriors.of(supereventId, spectrum.getSpectrumId(), new double[] {7.0, 5.0, 9.0},
          new double[] {6.0, 5.0, 7.0}, List.of(Modality.SED), timings));
    }
  }

  /** The launcher command that starts this stand-in in a child JVM with the test class path. */
  static List<String> launcher() {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), StandInStreamApp.class.getName());
  }

}
