package org.leain.stream;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.dlq.ThreadFailurePolicy;
import org.leain.stream.http.LeainHttpServer;
import org.leain.stream.inference.InferenceEngineFactory;
import org.leain.stream.lvk.AlertDecoder;
import org.leain.stream.metrics.StreamMetrics;
import org.leain.stream.query.KeyRouter;
import org.leain.stream.query.PeerClient;
import org.leain.stream.query.StateQueries;
import org.leain.stream.query.StoreAccess;
import org.leain.stream.topics.LeainTopics;
import org.leain.stream.topics.TopicCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running LEAIN stream app: the Kafka Streams client and its HTTP endpoints. */
public final class LeainApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeainApp.class);
  /** Bound on connecting to and hearing back from another instance for a forwarded query. */
  private static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaStreams streams;
  private final LeainHttpServer http;
  private final StreamMetrics metrics;
  private final CountDownLatch stopped = new CountDownLatch(1);

  private LeainApp(KafkaStreams streams, LeainHttpServer http, StreamMetrics metrics) {
    this.streams = streams;
    this.http = http;
    this.metrics = metrics;
  }

  /** Admin/producer/consumer settings shared by every client: bootstrap, TLS/SASL, pass-through. */
  public static Map<String, Object> clientProperties(LeainConfig config) {
    Map<String, Object> props = new HashMap<>();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
    props.putAll(config.security().clientProperties());
    props.putAll(config.kafkaPassThrough());
    return props;
  }

  /**
   * Creates the LEAIN topics that do not exist yet, then checks that the candidates topic has
   * {@code topics.partitions} partitions: the decision step reads it together with the
   * pairs-by-superevent repartition topic (created with that count) from one store, so both must be
   * partitioned alike.
   *
   * @return the names created
   * @throws IllegalStateException when an existing candidates topic has another partition count
   */
  public static List<String> createTopics(LeainConfig config) throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(clientProperties(config))) {
      List<String> created = TopicCreator.createMissing(admin, LeainTopics.specs(config));
      String candidates = config.topics().candidates();
      int actual = admin.describeTopics(List.of(candidates)).allTopicNames().get().get(candidates).partitions().size();
      if (actual != config.layout().partitions()) {
        throw new IllegalStateException("Expected topic " + candidates + " with topics.partitions = "
            + config.layout().partitions() + " partitions (co-partitioned with the pairs-by-superevent repartition "
            + "topic). Actual: " + actual + " partitions; set topics.partitions to " + actual);
      }
      return created;
    }
  }

  /** Starts the streams client and the HTTP server (port {@code config.httpPort()}). */
  public static LeainApp start(LeainConfig config, AlertDecoder decoder, InferenceEngineFactory engines)
      throws IOException {
    StreamMetrics metrics = new StreamMetrics();
    KafkaStreams streams = new KafkaStreams(LeainTopology.build(config, decoder, engines, metrics),
        StreamsSettings.properties(config, metrics));
    streams.setUncaughtExceptionHandler(new ThreadFailurePolicy(3, Duration.ofMinutes(1).toMillis()));
    StoreAccess stores = new StoreAccess() {
      @Override
      public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<K, V>keyValueStore()));
      }
    };
    LeainHttpServer http = LeainHttpServer.start(config.httpPort(), metrics,
        () -> streams.state() == KafkaStreams.State.RUNNING, new StateQueries(stores), router(config, streams),
        new PeerClient(PEER_TIMEOUT));
    LeainApp app = new LeainApp(streams, http, metrics);
    streams.setStateListener((now, before) -> {
      LOG.info("Kafka Streams {} -> {}", before, now);
      if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
        app.stopped.countDown();
      }
    });
    streams.start();
    LOG.info("LEAIN stream app started: bootstrap {}, HTTP port {}", config.bootstrapServers(), http.port());
    return app;
  }

  /**
   * With {@code kafka.application.server} set (several instances), where a key's state is and which
   * other instances host a store, from Kafka Streams' metadata; otherwise everything is local.
   */
  private static KeyRouter router(LeainConfig config, KafkaStreams streams) {
    String self = config.kafkaPassThrough().get("application.server");
    if (self == null) {
      return KeyRouter.LOCAL;
    }
    return new KeyRouter() {
      @Override
      public Route routeOf(String store, String key) {
        KeyQueryMetadata metadata;
        try {
          metadata = streams.queryMetadataForKey(store, key, new StringSerializer());
        } catch (IllegalStateException e) {
          return new Route.Unavailable();
        }
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
          return new Route.Unavailable();
        }
        String owner = hostPort(metadata.activeHost());
        return owner.equals(self) ? new Route.Local() : new Route.Remote(owner);
      }

      @Override
      public List<String> peers(String store) {
        return streams.metadataForAllStreamsClients().stream()
            .filter(m -> m.stateStoreNames().contains(store))
            .map(m -> hostPort(m.hostInfo()))
            .filter(h -> !h.equals(self))
            .distinct()
            .toList();
      }
    };
  }

  private static String hostPort(HostInfo host) {
    return host.host() + ":" + host.port();
  }

  public int httpPort() {
    return http.port();
  }

  public KafkaStreams.State state() {
    return streams.state();
  }

  public StreamMetrics metrics() {
    return metrics;
  }

  /** Waits until the client is RUNNING; false on timeout. */
  public boolean awaitRunning(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (streams.state() != KafkaStreams.State.RUNNING) {
      if (System.nanoTime() > deadline || stopped.getCount() == 0) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }

  /** Blocks until the client stops (closed, or failed for good). */
  public void awaitStop() throws InterruptedException {
    stopped.await();
  }

  /** Whether the client ended in ERROR. */
  public boolean failed() {
    return streams.state() == KafkaStreams.State.ERROR;
  }

  @Override
  public void close() {
    http.close();
    streams.close(Duration.ofSeconds(30));
    stopped.countDown();
  }

  /** Waits at most {@code timeout} for the stop latch; for shutdown hooks. */
  boolean awaitStop(Duration timeout) throws InterruptedException {
    return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
