package org.leain.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
import org.leain.load.measure.LatencyRecorder;
import org.leain.load.measure.LatencySummary;
import org.leain.load.measure.LoadSummary;
import org.leain.load.measure.PosteriorWatcher;
import org.leain.load.measure.Reports;
import org.leain.load.measure.SendLog;
import org.leain.load.measure.Stage;
import org.leain.load.schedule.Clock;
import org.leain.load.schedule.OpenLoopDriver;
import org.leain.load.schedule.OpenLoopSchedule;

/**
 * One load test, start to end: broker (unless given), app instances, alerts, the open-loop spectrum
 * stream, the posterior watcher, a progress line per second, the drain, and the reports in the
 * output directory ({@code summary.json}, {@code latency.hlog}, {@code percentiles.png},
 * {@code app/app-<i>.log}).
 */
public final class LoadTest {

  /** Default topic names of the stream app. */
  static final String CANDIDATES_TOPIC = "leain.gw.candidates";
  static final String SPECTRA_TOPIC = "leain.jwst.spectra";
  static final String POSTERIORS_TOPIC = "leain.posteriors";
  static final String DLQ_TOPIC = "leain.dlq";

  private LoadTest() {}

  /**
   * Runs a load test and writes its reports.
   *
   * @param progress where the line-per-second progress goes (stderr on the command line)
   */
  public static LoadSummary run(LoadTestOptions options, PrintStream progress) throws InterruptedException {
    String runTag = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    createDirectories(options.outputDir());
    EmbeddedBroker broker = null;
    try {
      Map<String, Object> clientProperties = new HashMap<>();
      if (options.bootstrapServers() == null) {
        progress.println("loadtest: starting the embedded broker...");
        broker = EmbeddedBroker.start(BrokerOptions.defaults());
        clientProperties.putAll(broker.clientProperties());
      } else {
        clientProperties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
      }
      String bootstrap = (String) clientProperties.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
      LoadFeed feed = new LoadFeed(new FeedSpec(runTag, options.activeAlerts(), options.skymapAreaDeg2(),
          options.spectraPerAlert(), options.outsideFraction(), options.seed()));
      progress.println("loadtest: starting " + options.instances() + " app instance(s)...");
      try (AppInstances app = AppInstances.start(options.launcher(), bootstrap, options.instances(),
              "leain-loadtest-" + runTag, options.appSettings(), options.outputDir().resolve("app"));
          Admin admin = Admin.create(clientProperties)) {
        app.awaitReady(admin, options.readyTimeout());
        awaitTopics(admin, Set.of(CANDIDATES_TOPIC, SPECTRA_TOPIC, POSTERIORS_TOPIC, DLQ_TOPIC),
            options.readyTimeout());
        progress.println("loadtest: app ready; sending " + options.spectra() + " spectra at "
            + options.rate() + "/s");
        return drive(options, feed, app, clientProperties, progress);
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  private static LoadSummary drive(LoadTestOptions options, LoadFeed feed, AppInstances app,
      Map<String, Object> clientProperties, PrintStream progress) throws InterruptedException {
    long count = options.spectra();
    SendLog sendLog = new SendLog(Math.toIntExact(count));
    AtomicLong sent = new AtomicLong();
    AtomicLong asyncSendErrors = new AtomicLong();
    AvroCodec<Spectrum> spectrumCodec = AvroCodec.of(Spectrum.class);
    AvroCodec<GwCandidate> candidateCodec = AvroCodec.of(GwCandidate.class, 64 << 20);
    Path hlog = options.outputDir().resolve("latency.hlog");
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "leain-loadtest-progress");
      thread.setDaemon(true);
      return thread;
    });
    try (PrintStream intervalLog = new PrintStream(Files.newOutputStream(hlog), true, "UTF-8");
        KafkaProducer<String, byte[]> producer = producer(clientProperties)) {
      LatencyRecorder recorder = new LatencyRecorder(intervalLog, System.currentTimeMillis());
      try (PosteriorWatcher watcher = new PosteriorWatcher(clientProperties, POSTERIORS_TOPIC, DLQ_TOPIC,
          sendLog, feed::indexOf, recorder, options.warmupSpectra())) {
        watcher.start();
        for (GwCandidate alert : feed.alerts()) {
          producer.send(new ProducerRecord<>(CANDIDATES_TOPIC, alert.getSupereventId(),
              candidateCodec.encode(alert))).get(30, TimeUnit.SECONDS);
        }
        long startNanos = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> {
          Histogram interval = recorder.takeInterval();
          double p99 = interval.getTotalCount() == 0 ? Double.NaN : interval.getValueAtPercentile(99.0) / 1000.0;
          // "expected" is what the spectra sent so far should give: received lagging behind it is
          // the app's backlog, visible before the latencies (recorded on arrival) show it.
          progress.printf(Locale.ROOT, "[%6.1fs] sent %d  received %d of %d expected  p99 %s ms (last second)%n",
              (System.nanoTime() - startNanos) / 1e9, sent.get(), watcher.received(), sendLog.expectedPosteriors(),
              Double.isNaN(p99) ? "-" : String.format(Locale.ROOT, "%.1f", p99));
        }, 1, 1, TimeUnit.SECONDS);

        OpenLoopSchedule schedule = new OpenLoopSchedule(startNanos + 1_000_000L, options.rate(), count);
        // The driver counts a send that throws as failed and carries on; keep the first reason so
        // that a failed send is explained, not just counted among the errors.
        AtomicReference<String> firstSendFailure = new AtomicReference<>();
        OpenLoopDriver.Result result = new OpenLoopDriver(Clock.system()).run(schedule, (index, intended) -> {
          try {
            FeedSpectrum spectrum = feed.spectrum(index);
            sendLog.sent(index, intended, spectrum.expectedSupereventIds());
            producer.send(new ProducerRecord<>(SPECTRA_TOPIC, spectrum.spectrum().getSpectrumId(),
                spectrumCodec.encode(spectrum.spectrum())), (metadata, error) -> {
                  if (error != null) {
                    asyncSendErrors.incrementAndGet();
                    firstSendFailure.compareAndSet(null, "spectrum " + index + ": " + error);
                  }
                });
            sent.incrementAndGet();
          } catch (RuntimeException e) {
            firstSendFailure.compareAndSet(null, "spectrum " + index + ": " + e.getMessage());
            throw e;
          }
        }, (index, intended, lag) -> { }, () -> app.exited() > 0 || watcher.failure() != null);
        producer.flush();
        if (firstSendFailure.get() != null) {
          progress.println("loadtest: " + (result.failed() + asyncSendErrors.get())
              + " spectra could not be sent (counted as errors); the first: " + firstSendFailure.get());
        }
        if (!result.stoppedEarly()) {
          watcher.awaitReceived(sendLog.expectedPosteriors(), options.drainTimeout());
        }
        ticker.shutdownNow();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
        Thread.sleep(200); // let late duplicates show up before counting
        recorder.takeInterval();

        Map<Stage, LatencySummary> stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
          stages.put(stage, LatencySummary.of(recorder.stage(stage)));
        }
        long expected = sendLog.expectedPosteriors();
        long receivedExpected = watcher.received() - watcher.unexpected();
        long errors = result.failed() + asyncSendErrors.get() + watcher.unreadable() + app.exited()
            + (watcher.failure() != null ? 1 : 0);
        LoadSummary summary = new LoadSummary(options.rate(),
            result.achievedRatePerSecond(1.0 / options.rate()), options.duration().toMillis() / 1000.0,
            options.warmup().toMillis() / 1000.0,
            options.instances(), options.activeAlerts(), options.skymapAreaDeg2(), options.spectraPerAlert(),
            result.sent(), expected, receivedExpected, Math.max(0, expected - receivedExpected),
            watcher.duplicates(), watcher.unexpected(), errors, watcher.deadLetters(),
            LatencySummary.of(recorder.endToEnd()), stages);
        writeReports(options.outputDir(), summary, recorder);
        return summary;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the load test's reports: " + e.getMessage(), e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Could not send the GW candidates: " + e.getMessage(), e);
    } finally {
      ticker.shutdownNow();
    }
  }

  private static void writeReports(Path dir, LoadSummary summary, LatencyRecorder recorder) throws IOException {
    Files.writeString(dir.resolve("summary.json"), Reports.json(summary));
    Files.writeString(dir.resolve("summary.txt"), Reports.table(summary));
    Map<String, Histogram> series = new LinkedHashMap<>();
    series.put("end-to-end", recorder.endToEnd());
    for (Stage stage : Stage.values()) {
      series.put(stage.key(), recorder.stage(stage));
    }
    Reports.percentilePlot(series, String.format(Locale.ROOT, "LEAIN latency at %.0f spectra/s", summary.rate()),
        dir.resolve("percentiles.png"));
  }

  private static KafkaProducer<String, byte[]> producer(Map<String, Object> clientProperties) {
    Map<String, Object> properties = new HashMap<>(clientProperties);
    properties.put(ProducerConfig.ACKS_CONFIG, "all");
    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    properties.put(ProducerConfig.LINGER_MS_CONFIG, 1);
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 << 10);
    properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 16 << 20);
    properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L << 20);
    properties.put(ProducerConfig.CLIENT_ID_CONFIG, "leain-loadtest-producer");
    return new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
  }

  private static void awaitTopics(Admin admin, Set<String> topics, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        if (existing.containsAll(topics)) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Expected topics " + topics + " to exist. Actual: " + existing);
        }
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Could not list topics: " + e.getMessage(), e);
        }
      }
      Thread.sleep(200);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create " + dir, e);
    }
  }

  /** The standard launcher: the repository's {@code ./leain} script. */
  static List<String> repositoryLauncher() {
    return List.of(RepositoryRoot.find().resolve("leain").toString());
  }
}
