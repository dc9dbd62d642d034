package org.leain.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.AvroCodec;
import org.leain.load.app.AppInstances;
import org.leain.load.feed.FeedSpec;
import org.leain.load.feed.FeedSpectrum;
import org.leain.load.feed.LoadFeed;

/** Runs one crash test (see the package documentation). */
public final class ChaosRun {

  /** Input topics of the app. */
  public static final String CANDIDATES = "leain.gw.candidates";
  public static final String SPECTRA = "leain.jwst.spectra";
  /** Quiet time after the last expected key, to catch late duplicates. */
  static final Duration QUIET = Duration.ofSeconds(3);

  private final ChaosOptions options;
  /** Feed records the broker never acknowledged, waiting for redelivery. */
  private final ConcurrentLinkedQueue<ProducerRecord<String, byte[]>> undelivered = new ConcurrentLinkedQueue<>();
  private final AtomicLong feedResent = new AtomicLong();
  private final LoadFeed feed;
  private final Map<String, Integer> expectedKeys = new HashMap<>();
  private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
  private final List<long[]> killAndRestartNanos = Collections.synchronizedList(new ArrayList<>());
  private final String applicationId;
  private volatile AppInstances app;
  private volatile EmbeddedBroker broker;
  private int kills;
  private int brokerRestarts;

  private record Arrival(String key, boolean tombstone, long nanos) {}

  private ChaosRun(ChaosOptions options) {
    this.options = options;
    this.feed = new LoadFeed(feedSpec(options));
    this.applicationId = "leain-chaos-" + Long.toHexString(options.seed());
    for (int i = 0; i < options.events(); i++) {
      FeedSpectrum s = feed.spectrum(i);
      for (String superevent : s.expectedSupereventIds()) {
        expectedKeys.merge(superevent + "|" + s.spectrum().getSpectrumId(), 1, Integer::sum);
      }
    }
  }

  /** The feed a run sends (the same seed always gives the same alerts, spectra and keys). */
  public static FeedSpec feedSpec(ChaosOptions options) {
    int alerts = Math.max(1, Math.min(8, options.events() / 10));
    return new FeedSpec("chaos" + Long.toString(Math.abs(options.seed() % 100_000), 36), alerts, 100.0, 1, 0.0,
        options.seed());
  }

  /** Runs the test; the broker and the app are stopped before it returns. */
  public static ChaosResult run(ChaosOptions options) throws Exception {
    return new ChaosRun(options).execute();
  }

  private ChaosResult execute() throws Exception {
    long startNanos = System.nanoTime();
    BrokerOptions brokerOptions = BrokerOptions.defaults().withPort(freePort())
        .withDataDir(options.workDir().resolve("broker"));
    broker = EmbeddedBroker.start(brokerOptions);
    String bootstrap = broker.bootstrapServers();
    AtomicBoolean reading = new AtomicBoolean(true);
    Thread reader = null;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      app = startApp(bootstrap);
      awaitTopics(admin, List.of(CANDIDATES, SPECTRA, options.outputTopic()), Duration.ofSeconds(180));
      reader = new Thread(() -> readCommitted(bootstrap, reading), "chaos-read-committed");
      reader.setDaemon(true);
      reader.start();
      try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
        Thread chaos = new Thread(() -> chaos(bootstrap, brokerOptions), "chaos-kills");
        chaos.setDaemon(true);
        long feedStart = System.nanoTime();
        chaos.start();
        send(producer, feedStart);
        producer.flush();
        chaos.join();
      }
      redeliver(bootstrap, System.nanoTime() + options.settleTimeout().toNanos());
      awaitExpected(options.settleTimeout());
    } finally {
      reading.set(false);
      if (reader != null) {
        reader.join(10_000);
      }
      if (app != null) {
        app.close();
      }
      broker.close();
    }
    return result(startNanos);
  }

  private AppInstances startApp(String bootstrap) {
    Map<String, String> settings = new TreeMap<>(ChaosOptions.RECOVERY_SETTINGS);
    settings.putAll(options.appSettings());
    return AppInstances.start(options.launcher(), bootstrap, 1, applicationId, settings,
        options.workDir().resolve("app"));
  }

  private void send(KafkaProducer<String, byte[]> producer, long feedStart) throws InterruptedException {
    AvroCodec<GwCandidate> candidates = AvroCodec.of(GwCandidate.class, 16 << 20);
    for (GwCandidate alert : feed.alerts()) {
      sendTracked(producer, new ProducerRecord<>(CANDIDATES, alert.getSupereventId(), candidates.encode(alert)));
    }
    producer.flush();
    AvroCodec<Spectrum> spectra = AvroCodec.of(Spectrum.class);
    long intervalNanos = options.feedDuration().toNanos() / options.events();
    for (int i = 0; i < options.events(); i++) {
      long due = feedStart + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      Spectrum s = feed.spectrum(i).spectrum();
      sendTracked(producer, new ProducerRecord<>(SPECTRA, s.getSpectrumId(), spectra.encode(s)));
    }
  }

  /**
   * Sends and remembers the record if the broker never acknowledges it. A broker restart can leave
   * the idempotent feed producer failing with OUT_OF_ORDER_SEQUENCE_NUMBER until its delivery
   * timeout; an input that never reached Kafka cannot be lost by the app, so the harness must
   * deliver it (see {@link #redeliver}) rather than count it as lost.
   */
  private void sendTracked(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
    producer.send(record, (metadata, error) -> {
      if (error != null) {
        undelivered.add(record);
      }
    });
  }

  /**
   * Re-sends every feed record the broker did not acknowledge, with a fresh producer, until all are
   * acknowledged or the deadline passes. A record sent twice is a duplicate input, which the app
   * must absorb without a duplicate output: the exactly-once check still holds it to that.
   */
  private void redeliver(String bootstrap, long deadlineNanos) throws InterruptedException {
    while (!undelivered.isEmpty() && System.nanoTime() < deadlineNanos) {
      List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
      for (ProducerRecord<String, byte[]> r; (r = undelivered.poll()) != null; ) {
        batch.add(r);
      }
      feedResent.addAndGet(batch.size());
      try (KafkaProducer<String, byte[]> producer = producer(bootstrap)) {
        for (ProducerRecord<String, byte[]> r : batch) {
          sendTracked(producer, new ProducerRecord<>(r.topic(), r.key(), r.value()));
        }
        producer.flush();
      }
      if (!undelivered.isEmpty()) {
        TimeUnit.SECONDS.sleep(1);
      }
    }
  }

  /** SIGKILLs and restarts the app at random moments of the feed; restarts the broker at its middle. */
  private void chaos(String bootstrap, BrokerOptions brokerOptions) {
    SplittableRandom random = new SplittableRandom(options.seed() ^ 0x5EEDL);
    long feedNanos = options.feedDuration().toNanos();
    List<Long> at = new ArrayList<>();
    for (int k = 0; k < options.kills(); k++) {
      at.add((long) (feedNanos * (0.1 + 0.8 * random.nextDouble())));
    }
    Collections.sort(at);
    long brokerAt = options.brokerRestart() ? feedNanos / 2 : Long.MAX_VALUE;
    long start = System.nanoTime();
    try {
      for (long killAt : at) {
        if (brokerAt <= killAt) {
          sleepUntil(start + brokerAt);
          restartBroker(brokerOptions);
          brokerAt = Long.MAX_VALUE;
        }
        sleepUntil(start + killAt);
        long killed = System.nanoTime();
        for (ProcessHandle p : app.processes()) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly(); // SIGKILL
          p.onExit().get(10, TimeUnit.SECONDS);
        }
        app.close();
        kills++;
        Thread.sleep(random.nextInt(1000));
        app = startApp(bootstrap);
        killAndRestartNanos.add(new long[] {killed, System.nanoTime()});
      }
      if (brokerAt != Long.MAX_VALUE) {
        sleepUntil(start + brokerAt);
        restartBroker(brokerOptions);
      }
    } catch (Exception e) {
      throw new IllegalStateException("The chaos schedule failed: " + e.getMessage(), e);
    }
  }

  private void restartBroker(BrokerOptions brokerOptions) {
    broker.close();
    broker = EmbeddedBroker.start(brokerOptions);
    brokerRestarts++;
  }

  private static void sleepUntil(long nanos) throws InterruptedException {
    long wait = nanos - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  private void readCommitted(String bootstrap, AtomicBoolean reading) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
        new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(options.outputTopic(), Duration.ofSeconds(60)).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (reading.get()) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          arrivals.add(new Arrival(r.key(), r.value() == null, System.nanoTime()));
        }
      }
    }
  }

  private void awaitExpected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && !receivedAll()) {
      if (app.exited() > 0) {
        break;
      }
      Thread.sleep(200);
    }
    Thread.sleep(QUIET.toMillis());
  }

  private boolean receivedAll() {
    Set<String> seen = new HashSet<>();
    for (Arrival a : arrivals) {
      if (!a.tombstone()) {
        seen.add(a.key());
      }
    }
    return seen.containsAll(expectedKeys.keySet());
  }

  private ChaosResult result(long startNanos) {
    Map<String, Integer> counts = new HashMap<>();
    long unexpected = 0;
    for (Arrival a : arrivals) {
      if (a.tombstone()) {
        continue;
      }
      if (expectedKeys.containsKey(a.key())) {
        counts.merge(a.key(), 1, Integer::sum);
      } else {
        unexpected++;
      }
    }
    long received = counts.values().stream().mapToLong(Integer::longValue).sum();
    long lost = expectedKeys.keySet().stream().filter(k -> !counts.containsKey(k)).count();
    long duplicated = counts.entrySet().stream()
        .mapToLong(e -> Math.max(0, e.getValue() - expectedKeys.get(e.getKey()))).sum();
    List<Long> recovery = new ArrayList<>();
    for (long[] kr : killAndRestartNanos) {
      recovery.add(arrivals.stream().filter(a -> a.nanos() > kr[1]).mapToLong(Arrival::nanos).min()
          .stream().mapToObj(n -> (n - kr[0]) / 1_000_000).findFirst().orElse(null));
    }
    return new ChaosResult(expectedKeys.size(), received, lost, duplicated, unexpected, kills, brokerRestarts,
        recovery, feedResent.get(), undelivered.size(), (System.nanoTime() - startNanos) / 1_000_000);
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrap) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Short enough that a producer wedged by a broker restart gives its records back for redelivery.
    config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
    config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private void awaitTopics(Admin admin, List<String> topics, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!admin.listTopics().names().get(30, TimeUnit.SECONDS).containsAll(topics)) {
      app.checkAlive();
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Expected the app to create " + topics + " within " + timeout.toSeconds()
            + " s. Actual: " + admin.listTopics().names().get());
      }
      Thread.sleep(200);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The expected output keys of a run (for a stand-in app in tests). */
  public static Map<String, Integer> expectedKeys(ChaosOptions options) {
    return Collections.unmodifiableMap(new ChaosRun(options).expectedKeys);
  }

  static Path defaultWorkDir() throws IOException {
    return java.nio.file.Files.createTempDirectory("leain-chaos-");
  }
}
