package org.leain.load.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.wire.AvroCodec;
import org.leain.contracts.wire.UnreadablePayloadException;

/**
 * A read_committed consumer of the posterior and dead-letter topics that turns each posterior of
 * this run into an end-to-end latency (now minus the spectrum's intended send time) and stage
 * latencies, and counts what it sees.
 *
 * <p>Contract: {@link #start} positions the consumer at the current end of both topics before it
 * returns, so everything sent afterwards is seen and nothing older is. A posterior belongs to this
 * run if {@code spectrumIndex} maps its spectrum id to a sent index; each association is counted
 * once (repeats are duplicates); an association that the feed did not expect is unexpected; a
 * record that does not decode is unreadable. Every record on the dead-letter topic counts.
 */
public final class PosteriorWatcher implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(50);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final String posteriorsTopic;
  private final String dlqTopic;
  private final SendLog sendLog;
  private final ToLongFunction<String> spectrumIndex;
  private final LatencyRecorder recorder;
  private final long firstMeasuredIndex;
  private final AvroCodec<DcbhPosterior> codec = AvroCodec.of(DcbhPosterior.class);
  private final Set<String> seen = new HashSet<>();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong unexpected = new AtomicLong();
  private final AtomicLong unreadable = new AtomicLong();
  private final AtomicLong deadLetters = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;
  private volatile RuntimeException failure;

  /**
   * @param clientProperties bootstrap servers and security; consumer settings are added
   * @param spectrumIndex the index of a spectrum id of this run, or -1
   * @param firstMeasuredIndex posteriors of spectra before it (the warm-up) are counted, not recorded
   */
  public PosteriorWatcher(Map<String, Object> clientProperties, String posteriorsTopic, String dlqTopic,
      SendLog sendLog, ToLongFunction<String> spectrumIndex, LatencyRecorder recorder, long firstMeasuredIndex) {
    Map<String, Object> properties = new HashMap<>(clientProperties);
    properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 << 20);
    properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 << 20);
    properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10);
    properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "leain-loadtest-watcher");
    this.consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    this.posteriorsTopic = posteriorsTopic;
    this.dlqTopic = dlqTopic;
    this.sendLog = sendLog;
    this.spectrumIndex = spectrumIndex;
    this.recorder = recorder;
    this.firstMeasuredIndex = firstMeasuredIndex;
    this.thread = new Thread(this::loop, "leain-loadtest-watcher");
    this.thread.setDaemon(true);
  }

  /** Assigns every partition of both topics at their current end, then starts consuming. */
  public void start() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : List.of(posteriorsTopic, dlqTopic)) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        throw new IllegalStateException("Expected topic " + topic + " to exist. Actual: no partitions");
      }
      for (PartitionInfo info : infos) {
        partitions.add(new TopicPartition(topic, info.partition()));
      }
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    for (TopicPartition partition : partitions) {
      consumer.position(partition, Duration.ofSeconds(30)); // resolve the lazy seek now
    }
    thread.start();
  }

  /** Distinct posteriors of this run received so far (expected or not). */
  public long received() {
    return received.get();
  }

  public long duplicates() {
    return duplicates.get();
  }

  public long unexpected() {
    return unexpected.get();
  }

  public long unreadable() {
    return unreadable.get();
  }

  public long deadLetters() {
    return deadLetters.get();
  }

  /** Waits until {@code count} distinct posteriors arrived; false on timeout or if the consumer failed. */
  public boolean awaitReceived(long count, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.get() - unexpected.get() < count) {
      if (failure != null || System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }

  /** The consumer thread's failure, if it died. */
  public RuntimeException failure() {
    return failure;
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
    if (!thread.isAlive()) {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void loop() {
    try {
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          if (record.topic().equals(dlqTopic)) {
            deadLetters.incrementAndGet();
          } else if (record.value() != null) {
            onPosterior(record.value());
          }
        }
      }
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      // close() asked us to stop.
    } catch (RuntimeException e) {
      failure = e;
    }
  }

  private void onPosterior(byte[] bytes) {
    long visibleNanos = System.nanoTime();
    long visibleWallMs = System.currentTimeMillis();
    DcbhPosterior posterior;
    try {
      posterior = codec.decode(bytes);
    } catch (UnreadablePayloadException e) {
      unreadable.incrementAndGet();
      return;
    }
    long index = spectrumIndex.applyAsLong(posterior.getSpectrumId());
    if (index < 0 || !sendLog.wasSent(index)) {
      return; // another run's or another producer's posterior
    }
    if (!seen.add(posterior.getAssociationId())) {
      duplicates.incrementAndGet();
      return;
    }
    received.incrementAndGet();
    if (!sendLog.expected(index).contains(posterior.getSupereventId())) {
      unexpected.incrementAndGet();
      return;
    }
    if (index < firstMeasuredIndex) {
      return;
    }
    long intended = sendLog.intendedNanos(index);
    recorder.recordEndToEnd((visibleNanos - intended) / 1000);
    recorder.recordStages(posterior.getTimings(), sendLog.wallMs(intended), visibleWallMs);
  }
}
