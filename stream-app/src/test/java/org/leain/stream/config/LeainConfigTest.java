package org.leain.stream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeainConfigTest {

  private static Map<String, String> minimal() {
    Map<String, String> values = new HashMap<>();
    values.put("bootstrap.servers", "localhost:9092");
    return values;
  }

  @Test
  void defaults_matchTheDesign() {
    LeainConfig config = LeainConfig.fromMap(minimal());
    assertEquals("igwn.gwalert", config.topics().alerts());
    assertEquals("leain.gw.candidates", config.topics().candidates());
    assertEquals("leain.jwst.spectra", config.topics().spectra());
    assertEquals("leain.associations", config.topics().associations());
    assertEquals("leain.posteriors", config.topics().posteriors());
    assertEquals("leain.dlq", config.topics().dlq());
    assertEquals(4, config.layout().partitions());
    assertEquals(6, config.join().order());
    assertEquals(0.9, config.join().searchedProbMax());
    assertTrue(config.join().timeWindow().isEmpty());
    assertTrue(config.join().distanceGateMinDensityPerMpc().isEmpty());
    assertEquals("exactly_once_v2", config.delivery().processingGuarantee());
    assertTrue(config.delivery().commitInterval().toMillis() >= 20 && config.delivery().commitInterval().toMillis() <= 50);
    assertEquals(1, config.batching().maxRecords());
    assertFalse(config.batching().enabled());
    assertTrue(config.instanceId().isEmpty());
    assertFalse(config.shadow().enabled(), "shadow injections are off by default");
    assertEquals(0.0, config.shadow().injectionsPerHour());
    assertEquals(500, config.shadow().window());
    assertEquals(30, config.shadow().windowMin());
    assertEquals("leain.shadow.truth", config.shadow().truthTopic());
  }

  @Test
  void inferenceBatching_isReadFromItsTwoSettings() {
    Map<String, String> values = minimal();
    values.put("inference.batch.max.records", "32");
    values.put("inference.batch.max.wait", "20ms");
    LeainConfig config = LeainConfig.fromMap(values);
    assertEquals(new LeainConfig.InferenceBatching(32, Duration.ofMillis(20)), config.batching());
    assertTrue(config.batching().enabled());
  }

  @ParameterizedTest(name = "{0}={1} is rejected naming the setting")
  @CsvSource({
      "join.order, 31",
      "inference.batch.max.records, 0",
      "inference.batch.max.records, 257",
      "inference.batch.max.wait, 0ms",
      "inference.batch.max.wait, soon",
      "instance.id, pod name",
      "join.order, six",
      "join.searched.prob.max, 1.5",
      "join.retention, 7 days",
      "join.time.window, 0s",
      "commit.interval, -5ms",
      "topics.partitions, 0",
      "topics.spectra, bad topic",
      "processing.guarantee, exactly_once",
      "http.port, 70000",
      "bootstrap.servers, localhost",
      "joinn.order, 6",
      "security.protocol, SASL_SSL",
      "shadow.injections.per.hour, -1",
      "shadow.injections.per.hour, 3601",
      "shadow.injections.per.hour, often",
      "shadow.injections.seed, 1.5",
      "shadow.window, 0",
      "shadow.window.min, 501",
      "topics.shadow.truth, bad topic",
  })
  void invalidSetting_failsNamingIt(String key, String value) {
    Map<String, String> values = minimal();
    values.put(key, value);
    ConfigException e = assertThrows(ConfigException.class, () -> LeainConfig.fromMap(values));
    assertTrue(e.getMessage().contains(key.equals("security.protocol") ? "sasl.mechanism" : key), e.getMessage());
  }

  @Test
  void missingBootstrapServers_isNamed() {
    ConfigException e = assertThrows(ConfigException.class, () -> LeainConfig.fromMap(Map.of()));
    assertTrue(e.getMessage().contains("bootstrap.servers"), e.getMessage());
  }

  @Test
  void layers_fileThenEnvironmentThenOverrides(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("leain.properties");
    Files.writeString(file, "bootstrap.servers=file:1\njoin.order=5\njoin.retention=2d\ncommit.interval=40ms\n");
    LeainConfig config = LeainConfig.load(Optional.of(file),
        Map.of("LEAIN_JOIN_ORDER", "7", "LEAIN_COMMIT_INTERVAL", "30ms", "LEAIN_JAVA_OPTS", "-Xmx1g"),
        Map.of("commit.interval", "25ms"));
    assertEquals("file:1", config.bootstrapServers());
    assertEquals(7, config.join().order());
    assertEquals(Duration.ofDays(2), config.join().retention());
    assertEquals(Duration.ofMillis(25), config.delivery().commitInterval());
  }

  @Test
  void secrets_inThePropertiesFile_areRefused() {
    Map<String, String> values = minimal();
    values.put("security.protocol", "SASL_SSL");
    values.put("sasl.mechanism", "SCRAM-SHA-512");
    values.put("sasl.username", "leain");
    values.put("sasl.password", "hunter2");
    ConfigException e = assertThrows(ConfigException.class, () -> LeainConfig.fromMap(values));
    assertTrue(e.getMessage().contains("sasl.password"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void scram_readsPasswordFromEnvironment_intoJaasConfig() {
    Map<String, String> values = minimal();
    values.put("security.protocol", "SASL_SSL");
    values.put("sasl.mechanism", "SCRAM-SHA-512");
    values.put("sasl.username", "leain");
    LeainConfig config = LeainConfig.load(Optional.empty(), Map.of("LEAIN_SASL_PASSWORD", "p\"w"), values);
    String jaas = config.security().clientProperties().get("sasl.jaas.config");
    assertTrue(jaas.startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required"), jaas);
    assertTrue(jaas.contains("password=\"p\\\"w\""), jaas);
    assertEquals("SCRAM-SHA-512", config.security().clientProperties().get("sasl.mechanism"));
    assertFalse(config.toString().contains("p\"w"));
  }

  @Test
  void oauthbearer_readsClientIdAndSecretFromFiles(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("id"), "gcn-client\n");
    Files.writeString(dir.resolve("secret"), "s3cret\n");
    Map<String, String> values = minimal();
    values.put("security.protocol", "SASL_SSL");
    values.put("sasl.mechanism", "OAUTHBEARER");
    values.put("sasl.oauthbearer.token.endpoint.url", "https://auth.gcn.nasa.gov/oauth2/token");
    values.put("sasl.oauthbearer.client.id.file", dir.resolve("id").toString());
    values.put("sasl.oauthbearer.client.secret.file", dir.resolve("secret").toString());
    LeainConfig config = LeainConfig.fromMap(values);
    String jaas = config.security().clientProperties().get("sasl.jaas.config");
    assertTrue(jaas.contains("clientId=\"gcn-client\"") && jaas.contains("clientSecret=\"s3cret\""), jaas);
    assertEquals(Optional.of("https://auth.gcn.nasa.gov/oauth2/token"), config.security().oauthTokenEndpointUrl());
  }

  @Test
  void kafkaPrefix_passesThrough_butNotSecrets() {
    Map<String, String> values = minimal();
    values.put("kafka.max.poll.records", "50");
    assertEquals(Map.of("max.poll.records", "50"), LeainConfig.fromMap(values).kafkaPassThrough());
    values.put("kafka.ssl.key.password", "x");
    assertThrows(ConfigException.class, () -> LeainConfig.fromMap(values));
  }
}
