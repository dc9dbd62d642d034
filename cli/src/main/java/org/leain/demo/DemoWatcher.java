package org.leain.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.Modality;
import org.leain.contracts.ParameterSummary;
import org.leain.contracts.wire.AvroCodec;

/**
 * Reads the app's outputs (posteriors, associations, dead letters) as a downstream consumer would
 * (read_committed), from the end of each topic as it was when the watcher started, and prints a line
 * for each record of this run's scenario as it arrives. Its state is what the demo waits on and
 * what the summary reports.
 */
final class DemoWatcher implements AutoCloseable {

  /** A posterior as received: the record and when the consumer read it (ms since the epoch). */
  record Received(DcbhPosterior posterior, long receivedMs) {}

  private final KafkaConsumer<String, byte[]> consumer;
  private final DemoTopics topics;
  private final Set<String> scenarioKeys;
  private final Set<String> scenarioSpectra;
  private final PrintStream out;
  private final long startNanos;
  private final AvroCodec<DcbhPosterior> posteriors = AvroCodec.of(DcbhPosterior.class);
  private final AvroCodec<DeadLetter> deadLetterCodec = AvroCodec.of(DeadLetter.class);
  private final LatencyStages latency = new LatencyStages();
  private final Thread thread;

  // Guarded by this.
  private final List<Received> received = new ArrayList<>();
  private final Map<String, DcbhPosterior> latest = new LinkedHashMap<>();
  private final Set<String> posteriorTombstones = new LinkedHashSet<>();
  private final Set<String> associationTombstones = new LinkedHashSet<>();
  private final Set<String> associationsAccepted = new LinkedHashSet<>();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private long firstPosteriorNanos = -1;
  private RuntimeException failure;
  private volatile boolean running = true;

  /**
   * Assigns every partition of the three output topics and positions at their current ends, so the
   * caller may start producing as soon as this returns.
   */
  DemoWatcher(Map<String, Object> clientProperties, DemoTopics topics, DemoScenario scenario, PrintStream out,
      long startNanos) {
    this.topics = topics;
    this.out = out;
    this.startNanos = startNanos;
    this.scenarioKeys = new LinkedHashSet<>();
    this.scenarioSpectra = new LinkedHashSet<>();
    List<ScenarioRecord> all = new ArrayList<>(scenario.beforeRetraction());
    all.addAll(scenario.retraction());
    for (ScenarioRecord record : all) {
      scenarioKeys.add(record.key());
      if (record.topic().equals(topics.spectra())) {
        scenarioSpectra.add(record.key());
      }
    }
    Map<String, Object> props = new HashMap<>(clientProperties);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(topics.posteriors(), topics.associations(), topics.dlq())) {
      consumer.partitionsFor(topic, Duration.ofSeconds(30))
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // Resolve the lazy seek now: otherwise records produced from here on could be skipped.
    partitions.forEach(consumer::position);
    this.thread = new Thread(this::pollLoop, "leain-demo-watcher");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  private void pollLoop() {
    try {
      while (running) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
          handle(record, System.currentTimeMillis());
        }
      }
    } catch (WakeupException e) {
      // close() was called.
    } catch (RuntimeException e) {
      synchronized (this) {
        failure = e;
        notifyAll();
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record, long receivedMs) {
    String key = record.key();
    if (record.topic().equals(topics.dlq())) {
      if (key == null || scenarioKeys.contains(key)) {
        DeadLetter letter = deadLetterCodec.decode(record.value());
        if (scenarioKeys.contains(letter.getOriginKey())) {
          synchronized (this) {
            deadLetters.add(letter);
            notifyAll();
          }
          print(String.format(Locale.ROOT, "dead letter  %-22s from %s key '%s': %s", letter.getReasonCode(),
              letter.getOriginTopic(), letter.getOriginKey(), oneLine(letter.getReason())));
        }
      }
      return;
    }
    if (key == null || !ofThisRun(key)) {
      return;
    }
    if (record.topic().equals(topics.associations())) {
      synchronized (this) {
        if (record.value() == null) {
          associationTombstones.add(key);
        } else {
          associationsAccepted.add(key);
        }
        notifyAll();
      }
      if (record.value() == null) {
        print("withdrawn    association " + key + " (tombstone on " + topics.associations() + ")");
      }
      return;
    }
    if (record.value() == null) {
      synchronized (this) {
        posteriorTombstones.add(key);
        notifyAll();
      }
      print("withdrawn    posterior   " + key + " (tombstone on " + topics.posteriors() + ")");
      return;
    }
    DcbhPosterior posterior = posteriors.decode(record.value());
    latency.record(posterior.getTimings(), receivedMs);
    synchronized (this) {
      if (firstPosteriorNanos < 0) {
        firstPosteriorNanos = System.nanoTime();
      }
      received.add(new Received(posterior, receivedMs));
      latest.put(key, posterior);
      notifyAll();
    }
    print(posteriorLine(posterior, receivedMs));
  }

  private boolean ofThisRun(String associationId) {
    int bar = associationId.lastIndexOf('|');
    return bar > 0 && scenarioSpectra.contains(associationId.substring(bar + 1));
  }

  static String posteriorLine(DcbhPosterior p, long receivedMs) {
    StringBuilder line = new StringBuilder();
    line.append(String.format(Locale.ROOT, "posterior    %-30s v%d", p.getAssociationId(), p.getAlertVersion()));
    appendSummary(line, p, "z", "z");
    appendSummary(line, p, "log10_mbh", "log10 M_BH");
    List<String> modalities = new ArrayList<>();
    for (Modality m : p.getModalities()) {
      modalities.add(m.name());
    }
    line.append("  ").append(modalities.isEmpty() ? "-" : String.join("+", modalities));
    long ingest = LatencyStages.ingestMs(p.getTimings());
    if (ingest > 0) {
      line.append(String.format(Locale.ROOT, "  e2e %d ms (delivered %d ms)",
          p.getTimings().getEmittedMs() - ingest, receivedMs - ingest));
    }
    for (String warning : p.getWarnings()) {
      line.append(System.lineSeparator()).append("             WARNING ").append(warning);
    }
    return line.toString();
  }

  private static void appendSummary(StringBuilder line, DcbhPosterior p, String name, String label) {
    for (ParameterSummary s : p.getSummaries()) {
      if (s.getName().equals(name)) {
        line.append(String.format(Locale.ROOT, "  %s %.2f [%.2f, %.2f]", label, s.getMedian(), s.getP05(), s.getP95()));
        return;
      }
    }
    line.append("  ").append(label).append(" n/a");
  }

  private static String oneLine(String s) {
    String flat = s == null ? "" : s.replaceAll("\\s+", " ");
    return flat.length() > 160 ? flat.substring(0, 157) + "..." : flat;
  }

  private void print(String line) {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    synchronized (out) {
      out.printf(Locale.ROOT, "[%6.2fs] %s%n", seconds, line);
    }
  }

  /**
   * Waits until {@code condition} holds on this watcher, or the timeout passes.
   *
   * @param progress called about every two seconds while waiting (e.g. to print a status line)
   * @return whether the condition holds
   * @throws IllegalStateException if the consumer failed
   */
  synchronized boolean await(Predicate<DemoWatcher> condition, Duration timeout, Runnable progress)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long nextProgress = System.nanoTime() + Duration.ofSeconds(2).toNanos();
    while (!condition.test(this)) {
      if (failure != null) {
        throw new IllegalStateException("The demo's consumer failed: " + failure.getMessage(), failure);
      }
      long now = System.nanoTime();
      if (now >= deadline) {
        return false;
      }
      if (now >= nextProgress) {
        progress.run();
        nextProgress = now + Duration.ofSeconds(2).toNanos();
      }
      wait(Math.max(1, Math.min(deadline - now, nextProgress - now) / 1_000_000));
    }
    return true;
  }

  synchronized Set<String> associationsWithPosterior() {
    return new LinkedHashSet<>(latest.keySet());
  }

  synchronized Set<String> posteriorTombstones() {
    return new LinkedHashSet<>(posteriorTombstones);
  }

  synchronized Set<String> associationTombstones() {
    return new LinkedHashSet<>(associationTombstones);
  }

  synchronized Set<String> associationsAccepted() {
    return new LinkedHashSet<>(associationsAccepted);
  }

  synchronized List<DeadLetter> deadLetters() {
    return new ArrayList<>(deadLetters);
  }

  synchronized List<Received> received() {
    return new ArrayList<>(received);
  }

  /** The latest posterior of each association, in order of first arrival. */
  synchronized Map<String, DcbhPosterior> latestPosteriors() {
    return new LinkedHashMap<>(latest);
  }

  /** When the first posterior arrived (System.nanoTime), or -1. */
  synchronized long firstPosteriorNanos() {
    return firstPosteriorNanos;
  }

  LatencyStages latency() {
    return latency;
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
