package org.leain.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.leain.load.feed.FeedSpectrum;
import org.leain.load.feed.LoadFeed;

/**
 * A stand-in for {@code leain run} that tests the crash harness before (and independently of) the
 * real app: same command line, creates the topics, and turns every spectrum into one output record
 * keyed {@code superevent_id|spectrum_id}. Mode {@code exactly_once} is a transactional
 * consume-transform-produce loop (offsets committed in the output's transaction, a stable
 * transactional id fencing the killed instance); mode {@code at_least_once} produces first and
 * commits offsets every 2 s, so a SIGKILL makes it reprocess — the harness must then report
 * duplicates.
 */
public final class StandInApp {

  private StandInApp() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    Properties settings = new Properties();
    try (InputStream in = Files.newInputStream(Path.of(options.get("--config")))) {
      settings.load(in);
    }
    String bootstrap = options.get("--bootstrap-servers");
    String appId = settings.getProperty("application.id");
    String output = settings.getProperty("stand.in.output", "leain.posteriors");
    boolean exactlyOnce = settings.getProperty("stand.in.mode", "exactly_once").equals("exactly_once");
    LoadFeed feed = new LoadFeed(ChaosRun.feedSpec(new ChaosOptions(
        Integer.parseInt(settings.getProperty("stand.in.events")), 0, false, Duration.ofSeconds(1),
        Long.parseLong(settings.getProperty("stand.in.seed")), List.of("none"), Map.of(), output,
        Duration.ofSeconds(1), Path.of("."))));
    Map<String, Object> kafka = new HashMap<>();
    settings.stringPropertyNames().stream().filter(k -> k.startsWith("kafka."))
        .forEach(k -> kafka.put(k.substring(6), settings.getProperty(k)));
    createTopics(bootstrap, List.of(ChaosRun.CANDIDATES, ChaosRun.SPECTRA, output));
    while (true) {
      try {
        loop(bootstrap, appId, output, exactlyOnce, feed, kafka);
      } catch (org.apache.kafka.common.KafkaException e) {
        System.err.println("stand-in: " + e + "; starting over from the committed offsets");
      }
    }
  }

  private static void loop(String bootstrap, String appId, String output, boolean exactlyOnce, LoadFeed feed,
      Map<String, Object> kafka) {
    Map<String, Object> consumerConfig = new HashMap<>();
    consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, appId);
    consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    consumerConfig.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, kafka.getOrDefault("session.timeout.ms", "45000"));
    consumerConfig.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, kafka.getOrDefault("heartbeat.interval.ms", "3000"));
    Map<String, Object> producerConfig = new HashMap<>();
    producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    producerConfig.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, kafka.getOrDefault("transaction.timeout.ms", "60000"));
    if (exactlyOnce) {
      producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, appId + "-stand-in");
    }
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
        new ByteArrayDeserializer());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
            new ByteArraySerializer())) {
      if (exactlyOnce) {
        producer.initTransactions();
      }
      consumer.subscribe(List.of(ChaosRun.SPECTRA));
      long lastCommit = System.nanoTime();
      while (true) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(100));
        if (records.isEmpty()) {
          continue;
        }
        if (exactlyOnce) {
          producer.beginTransaction();
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : records) {
          for (String key : outputKeys(feed, r.key())) {
            producer.send(new ProducerRecord<>(output, key, r.value()));
          }
          offsets.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
        }
        if (exactlyOnce) {
          producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
          producer.commitTransaction();
        } else if (System.nanoTime() - lastCommit > 2_000_000_000L) {
          producer.flush();
          consumer.commitSync();
          lastCommit = System.nanoTime();
        }
      }
    }
  }

  private static List<String> outputKeys(LoadFeed feed, String spectrumId) {
    long index = feed.indexOf(spectrumId);
    List<String> keys = new ArrayList<>();
    if (index >= 0) {
      FeedSpectrum s = feed.spectrum(index);
      s.expectedSupereventIds().forEach(id -> keys.add(id + "|" + spectrumId));
    }
    return keys;
  }

  private static void createTopics(String bootstrap, List<String> topics) throws InterruptedException, IOException {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      for (String topic : topics) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IOException("Could not create " + topic + ": " + e.getCause(), e);
          }
        }
      }
    }
  }
}
