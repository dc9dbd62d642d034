package org.leain.stream.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The stream app's settings, validated. Build it with {@link #load} (file + environment + overrides)
 * or {@link #fromMap} (tests); both fail with a {@link ConfigException} naming the setting.
 *
 * <p>Settings (defaults in brackets):
 * <ul>
 *   <li>{@code application.id} [leain-stream]; {@code bootstrap.servers} (required);
 *       {@code http.port} [8080; 0 = any free port]; {@code state.dir} [java.io.tmpdir/leain-streams]
 *   <li>{@code topics.alerts} [igwn.gwalert], {@code topics.candidates} [leain.gw.candidates],
 *       {@code topics.spectra} [leain.jwst.spectra], {@code topics.associations} [leain.associations],
 *       {@code topics.posteriors} [leain.posteriors], {@code topics.dlq} [leain.dlq]
 *   <li>{@code topics.partitions} [4], {@code topics.replication.factor} [broker default],
 *       {@code topics.max.message.bytes} [8388608], {@code topics.tombstone.retention} [7d]
 *   <li>{@code join.order} [6], {@code join.retention} [7d], {@code join.searched.prob.max} [0.9],
 *       {@code join.time.window} [none], {@code join.skymap} [EVENT | COMBINED],
 *       {@code join.distance.gate.min.density.per.mpc} [none: distance consistency reported only]
 *   <li>{@code processing.guarantee} [exactly_once_v2], {@code commit.interval} [20ms],
 *       {@code stream.threads} [1]
 *   <li>{@code dlq.max.raw.bytes} [262144]
 *   <li>{@code inference.batch.max.records} [1 = no batching; at most 256],
 *       {@code inference.batch.max.wait} [50ms]: micro-batching of inference (see
 *       {@link InferenceBatching})
 *   <li>{@code instance.id} [none]: Kafka's {@code group.instance.id} (static membership) for this
 *       instance; unique per instance and stable across its restarts (e.g. the pod name of a
 *       StatefulSet). Environment: {@code LEAIN_INSTANCE_ID}
 *   <li>{@code model.name} [leain-v1], {@code model.dir} [model-artifacts/models/NAME under the
 *       repository root], {@code model.samples} [1000]
 *   <li>{@code shadow.injections.per.hour} [0 = off; at most 3600], {@code shadow.injections.seed} [0],
 *       {@code shadow.window} [500], {@code shadow.window.min} [30], {@code topics.shadow.truth}
 *       [leain.shadow.truth]: calibration monitoring (see {@link ShadowSettings})
 *   <li>security: see {@link SecuritySettings}; any {@code kafka.X} is passed to every Kafka client
 *       as {@code X}.
 * </ul>
 */
public record LeainConfig(
    String applicationId,
    String bootstrapServers,
    int httpPort,
    Path stateDir,
    TopicNames topics,
    TopicLayout layout,
    JoinSettings join,
    DeliverySettings delivery,
    ModelSettings model,
    int dlqMaxRawBytes,
    ShadowSettings shadow,
    SecuritySettings security,
    Map<String, String> kafkaPassThrough,
    InferenceBatching batching,
    Optional<String> instanceId) {

  private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");

  public LeainConfig {
    kafkaPassThrough = Map.copyOf(kafkaPassThrough);
  }

  /** Names of the six LEAIN topics. */
  public record TopicNames(String alerts, String candidates, String spectra, String associations,
      String posteriors, String dlq) {}

  /**
   * How LEAIN creates its topics: partitions of the input topics (co-partitioned where joined),
   * replication factor (empty = broker default), the largest record in bytes (topics, internal
   * topics and clients) and how long compacted topics keep tombstones.
   */
  public record TopicLayout(int partitions, Optional<Short> replicationFactor, int maxMessageBytes,
      Duration tombstoneRetention) {}

  /**
   * The sky join: HEALPix order of the pre-filter cells, how long either side waits for the other
   * (ingestion time), the largest accepted searched probability, the optional physical time window
   * between GW event and spectrum observation, which map to join on, and the optional distance gate
   * (minimum distance density at the spectrum's luminosity distance, Mpc^-1; empty = report only).
   */
  public record JoinSettings(int order, Duration retention, double searchedProbMax,
      Optional<Duration> timeWindow, SkymapSelection skymap, Optional<Double> distanceGateMinDensityPerMpc) {}

  /** Which localization the join uses. */
  public enum SkymapSelection { EVENT, COMBINED }

  /** Kafka Streams delivery: processing guarantee, commit interval, stream threads. */
  public record DeliverySettings(String processingGuarantee, Duration commitInterval, int streamThreads) {}

  /** The posterior model: its directory and how many samples a posterior carries. */
  public record ModelSettings(String name, Path dir, int samples) {}

  /**
   * Micro-batching of inference: accepted associations wait in a changelogged store until
   * {@code maxRecords} are buffered or {@code maxWait} has passed on the wall clock, then run through
   * the network in one forward pass. {@code maxRecords = 1} turns it off (each record is inferred
   * as it arrives). The wait is added to the join->inference stage of every buffered record.
   */
  public record InferenceBatching(int maxRecords, Duration maxWait) {
    /** Largest batch: one forward pass of the posterior estimator. */
    public static final int MAX_RECORDS = 256;

    public InferenceBatching {
      if (maxRecords < 1 || maxRecords > MAX_RECORDS) {
        throw new IllegalArgumentException("Expected maxRecords in [1, " + MAX_RECORDS + "]. Actual: " + maxRecords);
      }
      if (maxWait.isNegative() || maxWait.isZero()) {
        throw new IllegalArgumentException("Expected a positive maxWait. Actual: " + maxWait);
      }
    }

    /** Whether records are buffered at all. */
    public boolean enabled() {
      return maxRecords > 1;
    }
  }

  /**
   * Calibration monitoring with simulated injections (package {@code org.leain.stream.shadow}):
   * injections per hour (0 = off, the default: nothing of it is in the topology), the seed of the
   * injection sequence, how many of the latest injections the rolling statistics cover, how many
   * the window needs before it reports coverage, and the compacted topic that holds the true values.
   */
  public record ShadowSettings(double injectionsPerHour, long seed, int window, int windowMin, String truthTopic) {
    /** Whether injections are on. */
    public boolean enabled() {
      return injectionsPerHour > 0;
    }
  }

  /**
   * Loads {@code file} (optional), then the environment, then {@code overrides}; validates.
   *
   * @param environment usually {@code System.getenv()}
   */
  public static LeainConfig load(Optional<Path> file, Map<String, String> environment, Map<String, String> overrides) {
    Map<String, String> fileValues = new TreeMap<>();
    if (file.isPresent()) {
      Properties properties = new Properties();
      try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
        properties.load(reader);
      } catch (IOException e) {
        throw new ConfigException("--config", "Expected a readable properties file. Actual: " + file.get() + " (" + e.getMessage() + ")");
      }
      properties.stringPropertyNames().forEach(name -> fileValues.put(name, properties.getProperty(name)));
    }
    return build(new Settings(fileValues, environment, overrides), environment);
  }

  /** Validates {@code values} alone (no environment): for tests. */
  public static LeainConfig fromMap(Map<String, String> values) {
    return build(new Settings(values, Map.of(), Map.of()), Map.of());
  }

  /** The environment variable of a setting: {@code join.order} -> {@code LEAIN_JOIN_ORDER}. */
  public static String environmentName(String key) {
    return "LEAIN_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static LeainConfig build(Settings s, Map<String, String> environment) {
    String applicationId = s.string("application.id", "leain-stream");
    requireName("application.id", applicationId);
    String bootstrap = s.required("bootstrap.servers");
    if (!bootstrap.matches("[^,\\s]+:\\d+(,[^,\\s]+:\\d+)*")) {
      throw new ConfigException("bootstrap.servers", "Expected HOST:PORT[,HOST:PORT...]. Actual: " + bootstrap);
    }
    int httpPort = s.integer("http.port", 8080, 0, 65535);
    Path stateDir = Path.of(s.string("state.dir", Path.of(System.getProperty("java.io.tmpdir"), "leain-streams").toString()));

    TopicNames topics = new TopicNames(
        topic(s, "topics.alerts", "igwn.gwalert"),
        topic(s, "topics.candidates", "leain.gw.candidates"),
        topic(s, "topics.spectra", "leain.jwst.spectra"),
        topic(s, "topics.associations", "leain.associations"),
        topic(s, "topics.posteriors", "leain.posteriors"),
        topic(s, "topics.dlq", "leain.dlq"));
    int replication = s.integer("topics.replication.factor", -1, -1, Short.MAX_VALUE);
    if (replication == 0) {
      throw new ConfigException("topics.replication.factor", "Expected -1 (broker default) or at least 1. Actual: 0");
    }
    TopicLayout layout = new TopicLayout(
        s.integer("topics.partitions", 4, 1, 10_000),
        replication < 0 ? Optional.empty() : Optional.of((short) replication),
        s.integer("topics.max.message.bytes", 8 * 1024 * 1024, 1024 * 1024, 64 * 1024 * 1024),
        positive(s, "topics.tombstone.retention", Duration.ofDays(7)));

    JoinSettings join = new JoinSettings(
        s.integer("join.order", 6, 0, 12),
        positive(s, "join.retention", Duration.ofDays(7)),
        s.real("join.searched.prob.max", 0.9, 0.0, 1.0),
        s.duration("join.time.window"),
        s.choice("join.skymap", SkymapSelection.class, SkymapSelection.EVENT),
        s.optional("join.distance.gate.min.density.per.mpc").map(v ->
            s.real("join.distance.gate.min.density.per.mpc", 0, 0, Double.MAX_VALUE)));
    join.timeWindow().ifPresent(w -> {
      if (w.isNegative() || w.isZero()) {
        throw new ConfigException("join.time.window", "Expected a positive duration or none. Actual: " + w);
      }
    });

    String guarantee = s.string("processing.guarantee", "exactly_once_v2");
    if (!guarantee.equals("exactly_once_v2") && !guarantee.equals("at_least_once")) {
      throw new ConfigException("processing.guarantee", "Expected exactly_once_v2 or at_least_once. Actual: " + guarantee);
    }
    DeliverySettings delivery = new DeliverySettings(guarantee,
        positive(s, "commit.interval", Duration.ofMillis(20)), s.integer("stream.threads", 1, 1, 64));

    String modelName = s.string("model.name", "leain-v1");
    requireName("model.name", modelName);
    Path modelDir = s.optional("model.dir").map(Path::of)
        .orElseGet(() -> repositoryRoot().resolve("model-artifacts").resolve("models").resolve(modelName));
    ModelSettings model = new ModelSettings(modelName, modelDir, s.integer("model.samples", 1000, 1, 100_000));

    int dlqMaxRawBytes = s.integer("dlq.max.raw.bytes", 256 * 1024, 0, 1024 * 1024);
    InferenceBatching batching = new InferenceBatching(
        s.integer("inference.batch.max.records", 1, 1, InferenceBatching.MAX_RECORDS),
        positive(s, "inference.batch.max.wait", Duration.ofMillis(50)));
    Optional<String> instanceId = s.optional("instance.id");
    instanceId.ifPresent(id -> requireName("instance.id", id));
    ShadowSettings shadow = shadow(s);
    SecuritySettings security = SecuritySettings.read(s);
    Map<String, String> passThrough = s.withPrefix("kafka.");
    passThrough.keySet().stream()
        .filter(k -> k.contains("password") || k.contains("secret") || k.contains("jaas"))
        .findFirst().ifPresent(k -> {
          throw new ConfigException("kafka." + k, "Expected secrets through the security settings (environment or file). "
              + "Actual: a secret-bearing Kafka setting passed through");
        });
    s.rejectUnknown();
    if (instanceId.isPresent() && passThrough.containsKey("group.instance.id")) {
      throw new ConfigException("kafka.group.instance.id", "Expected static membership through instance.id only. "
          + "Actual: both instance.id and kafka.group.instance.id set");
    }
    return new LeainConfig(applicationId, bootstrap, httpPort, stateDir, topics, layout, join, delivery, model,
        dlqMaxRawBytes, shadow, security, passThrough, batching, instanceId);
  }

  /** A copy with other bootstrap servers and HTTP port (the {@code run} command's options). */
  public LeainConfig withEndpoints(String newBootstrapServers, int newHttpPort) {
    return new LeainConfig(applicationId, newBootstrapServers, newHttpPort, stateDir, topics, layout, join,
        delivery, model, dlqMaxRawBytes, shadow, security, kafkaPassThrough, batching, instanceId);
  }

  private static ShadowSettings shadow(Settings s) {
    double perHour = s.real("shadow.injections.per.hour", 0, 0, 3600);
    long seed = s.optional("shadow.injections.seed").map(raw -> {
      try {
        return Long.parseLong(raw);
      } catch (NumberFormatException e) {
        throw new ConfigException("shadow.injections.seed", "Expected a 64-bit integer. Actual: " + raw);
      }
    }).orElse(0L);
    int window = s.integer("shadow.window", 500, 1, 100_000);
    int windowMin = s.integer("shadow.window.min", 30, 1, 100_000);
    if (windowMin > window) {
      throw new ConfigException("shadow.window.min", "Expected at most shadow.window (" + window + "). Actual: "
          + windowMin);
    }
    return new ShadowSettings(perHour, seed, window, windowMin, topic(s, "topics.shadow.truth", "leain.shadow.truth"));
  }

  private static String topic(Settings s, String key, String defaultName) {
    String name = s.string(key, defaultName);
    if (!TOPIC_NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new ConfigException(key, "Expected a Kafka topic name ([A-Za-z0-9._-], at most 249 characters). Actual: " + name);
    }
    return name;
  }

  private static void requireName(String key, String value) {
    if (!TOPIC_NAME.matcher(value).matches()) {
      throw new ConfigException(key, "Expected [A-Za-z0-9._-], at most 249 characters. Actual: " + value);
    }
  }

  private static Duration positive(Settings s, String key, Duration defaultValue) {
    Duration value = s.duration(key, defaultValue);
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException(key, "Expected a positive duration. Actual: " + value);
    }
    return value;
  }

  /** The repository root: system property {@code leain.root}, else the first parent holding data/. */
  static Path repositoryRoot() {
    String property = System.getProperty("leain.root");
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("data")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    return dir;
  }
}
