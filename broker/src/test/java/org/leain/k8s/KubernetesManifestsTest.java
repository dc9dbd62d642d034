package org.leain.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Kubernetes manifests in k8s/, read as YAML: they must say what the design says (topics,
 * security, scaling bounds, probes), whatever a cluster would accept. Rendering the overlays with
 * {@code kubectl kustomize} is an extra check where kubectl exists.
 */
class KubernetesManifestsTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path K8S = repositoryRoot().resolve("k8s");
  private static final long EIGHT_MIB = 8L * 1024 * 1024;

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/cpu", "overlays/gpu"})
  void everyFileAKustomizationNames_existsAndHoldsNamedResources(String directory) throws IOException {
    Path dir = K8S.resolve(directory);
    JsonNode kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
    List<Path> files = new ArrayList<>();
    kustomization.path("resources").forEach(r -> files.add(dir.resolve(r.asText())));
    kustomization.path("patches").forEach(p -> files.add(dir.resolve(p.path("path").asText())));
    assertFalse(files.isEmpty(), "kustomization in " + directory + " names no files");
    for (Path file : files) {
      if (Files.isDirectory(file)) {
        assertTrue(Files.exists(file.resolve("kustomization.yaml")), "no kustomization in " + file);
        continue;
      }
      assertTrue(Files.isRegularFile(file), "missing " + file);
      for (JsonNode document : documents(file)) {
        assertFalse(document.path("apiVersion").asText().isEmpty(), "no apiVersion in " + file);
        assertFalse(document.path("kind").asText().isEmpty(), "no kind in " + file);
        assertFalse(document.path("metadata").path("name").asText().isEmpty(), "no name in " + file);
      }
    }
  }

  @ParameterizedTest(name = "{0}: {1} partitions, cleanup.policy={2}, retention.ms={3}, delete.retention.ms={4}")
  @CsvSource(nullValues = "-", value = {
      // topic,             partitions, cleanup.policy, retention.ms (30 d / 14 d), delete.retention.ms (7 d)
      "igwn.gwalert,        4, -,       -,          -",
      "leain.gw.candidates, 4, compact, -,          -",
      "leain.jwst.spectra,  4, delete,  2592000000, -",
      "leain.associations,  4, compact, -,          604800000",
      "leain.posteriors,    4, compact, -,          604800000",
      "leain.dlq,           4, delete,  1209600000, -",
  })
  void eachTopic_hasItsPartitionsPolicyRetention_andAcceptsEightMiBRecords(
      String topic, int partitions, String cleanupPolicy, Long retentionMs, Long deleteRetentionMs)
      throws IOException {
    JsonNode spec = resource("topics.yaml", "KafkaTopic", topic).path("spec");
    assertEquals(topic, spec.path("topicName").asText());
    assertEquals(partitions, spec.path("partitions").asInt());
    JsonNode config = spec.path("config");
    assertEquals(EIGHT_MIB, config.path("max.message.bytes").asLong());
    assertEquals(cleanupPolicy, textOrNull(config.path("cleanup.policy")));
    assertEquals(retentionMs, longOrNull(config.path("retention.ms")));
    assertEquals(deleteRetentionMs, longOrNull(config.path("delete.retention.ms")));
  }

  @Test
  void theKafkaCluster_isKraftWithOneNodeLossTolerated_andTakesEightMiBRecords() throws IOException {
    JsonNode pool = resource("kafka.yaml", "KafkaNodePool", "dual-role").path("spec");
    List<String> roles = new ArrayList<>();
    pool.path("roles").forEach(r -> roles.add(r.asText()));
    assertEquals(List.of("controller", "broker"), roles);
    assertEquals(3, pool.path("replicas").asInt());

    JsonNode config = resource("kafka.yaml", "Kafka", "leain-kafka").path("spec").path("kafka").path("config");
    assertEquals(3, config.path("transaction.state.log.replication.factor").asInt());
    assertEquals(2, config.path("transaction.state.log.min.isr").asInt());
    assertEquals(2, config.path("min.insync.replicas").asInt());
    assertFalse(config.path("auto.create.topics.enable").asBoolean(true));
    assertTrue(config.path("message.max.bytes").asLong() >= EIGHT_MIB);
    assertTrue(config.path("replica.fetch.max.bytes").asLong() >= EIGHT_MIB);
  }

  @Test
  void theAppUser_authenticatesWithScram_andMayManageOnlyItsOwnStreamsTopicsGroupAndTransactions()
      throws IOException {
    JsonNode spec = resource("kafka-user.yaml", "KafkaUser", "leain").path("spec");
    assertEquals("scram-sha-512", spec.path("authentication").path("type").asText());
    JsonNode internalTopics = acl(spec, "topic", "leain-", "prefix");
    assertTrue(operations(internalTopics).contains("Create"), "Streams must create its internal topics");
    assertFalse(operations(acl(spec, "topic", "leain.", "prefix")).contains("Create"),
        "the KafkaTopic resources own LEAIN's topics");
    assertTrue(operations(acl(spec, "group", "leain", "literal")).contains("Read"));
    assertTrue(operations(acl(spec, "transactionalId", "leain-", "prefix")).contains("Write"));
    assertEquals(List.of("Read", "Describe", "DescribeConfigs"),
        operations(acl(spec, "topic", "igwn.gwalert", "literal")));
  }

  @Test
  void theApp_runsNonRootOnAReadOnlyRootFileSystem_withWritableStateCacheAndTmp() throws IOException {
    JsonNode pod = resource("statefulset.yaml", "StatefulSet", "leain").path("spec").path("template").path("spec");
    assertTrue(pod.path("securityContext").path("runAsNonRoot").asBoolean());
    JsonNode container = pod.path("containers").get(0);
    JsonNode security = container.path("securityContext");
    assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
    assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
    assertEquals("ALL", security.path("capabilities").path("drop").get(0).asText());

    List<String> mounts = new ArrayList<>();
    container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
    assertTrue(mounts.containsAll(List.of("/var/lib/leain/state", "/var/cache/djl", "/tmp")), mounts.toString());
    String djlCache = envValue(container, "DJL_CACHE_DIR");
    assertEquals("/var/cache/djl", djlCache);
    JsonNode claims = resource("statefulset.yaml", "StatefulSet", "leain").path("spec").path("volumeClaimTemplates");
    assertEquals("state", claims.get(0).path("metadata").path("name").asText());
  }

  @Test
  void theApp_isProbedOnHealthAndReady_andItsImageTagIsPinned() throws IOException {
    JsonNode container = resource("statefulset.yaml", "StatefulSet", "leain")
        .path("spec").path("template").path("spec").path("containers").get(0);
    assertEquals(8080, container.path("ports").get(0).path("containerPort").asInt());
    assertEquals("/health", container.path("livenessProbe").path("httpGet").path("path").asText());
    assertEquals("/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
    String image = container.path("image").asText();
    String tag = image.substring(image.lastIndexOf(':') + 1);
    assertFalse(image.lastIndexOf(':') < 0 || tag.equals("latest") || tag.contains("/"), "unpinned image " + image);
  }

  @Test
  void secrets_reachTheAppOnlyThroughSecretReferences_andTheSettingsMatchTheUsersAcls() throws IOException {
    JsonNode container = resource("statefulset.yaml", "StatefulSet", "leain")
        .path("spec").path("template").path("spec").path("containers").get(0);
    JsonNode password = env(container, "LEAIN_SASL_PASSWORD");
    assertEquals("leain", password.path("valueFrom").path("secretKeyRef").path("name").asText());
    assertTrue(password.path("value").isMissingNode());
    for (JsonNode variable : container.path("env")) {
      String name = variable.path("name").asText().toLowerCase();
      assertFalse((name.contains("password") || name.contains("secret")) && variable.has("value"),
          "literal secret in " + variable);
    }
    Properties settings = new Properties();
    settings.load(new StringReader(resource("config.yaml", "ConfigMap", "leain-config")
        .path("data").path("leain.properties").asText()));
    assertFalse(settings.stringPropertyNames().stream().anyMatch(k -> k.contains("password") || k.contains("secret")),
        settings.toString());
    // The KafkaUser grants the group and the internal-topic prefix of exactly this application id.
    JsonNode user = resource("kafka-user.yaml", "KafkaUser", "leain").path("spec");
    acl(user, "group", settings.getProperty("application.id"), "literal");
    acl(user, "topic", settings.getProperty("application.id") + "-", "prefix");
    assertEquals(user.path("authentication").path("type").asText().toUpperCase(), settings.getProperty("sasl.mechanism"));
    assertEquals("leain", settings.getProperty("sasl.username"));
  }

  @Test
  void autoscaling_followsConsumerLag_andNeverExceedsThePartitionCount() throws IOException {
    JsonNode spec = resource("scaled-object.yaml", "ScaledObject", "leain").path("spec");
    assertEquals("StatefulSet", spec.path("scaleTargetRef").path("kind").asText());
    assertEquals("leain", spec.path("scaleTargetRef").path("name").asText());
    assertEquals("kafka", spec.path("triggers").get(0).path("type").asText());
    assertEquals("leain", spec.path("triggers").get(0).path("metadata").path("consumerGroup").asText());
    int inputPartitions = resource("topics.yaml", "KafkaTopic", "leain.jwst.spectra").path("spec").path("partitions").asInt();
    assertEquals(4, spec.path("maxReplicaCount").asInt());
    assertTrue(spec.path("maxReplicaCount").asInt() <= inputPartitions);
  }

  @Test
  void theGpuOverlay_asksForOneGpuOnGpuNodes_withTheCudaImage() throws IOException {
    Path overlay = K8S.resolve("overlays/gpu");
    JsonNode pod = documents(overlay.resolve("statefulset-gpu.yaml")).get(0).path("spec").path("template").path("spec");
    assertEquals(1, pod.path("containers").get(0).path("resources").path("limits").path("nvidia.com/gpu").asInt());
    assertEquals("nvidia.com/gpu", pod.path("tolerations").get(0).path("key").asText());
    assertFalse(pod.path("nodeSelector").isEmpty());
    JsonNode kustomization = YAML.readTree(overlay.resolve("kustomization.yaml").toFile());
    assertTrue(kustomization.path("images").get(0).path("newTag").asText().endsWith("-cuda"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"overlays/cpu", "overlays/gpu"})
  void kubectlKustomize_rendersTheOverlay_whereKubectlExists(String overlay) throws Exception {
    assumeTrue(Stream.of(System.getenv("PATH").split(":")).anyMatch(p -> Files.isExecutable(Path.of(p, "kubectl"))),
        "kubectl is not installed (an optional extra check)");
    Process process = new ProcessBuilder("kubectl", "kustomize", K8S.resolve(overlay).toString())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("kind: StatefulSet"), output);
  }

  private static JsonNode resource(String file, String kind, String name) throws IOException {
    for (JsonNode document : documents(K8S.resolve("base").resolve(file))) {
      if (document.path("kind").asText().equals(kind) && document.path("metadata").path("name").asText().equals(name)) {
        return document;
      }
    }
    throw new AssertionError("No " + kind + " " + name + " in k8s/base/" + file);
  }

  private static List<JsonNode> documents(Path file) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(d -> {
        if (d != null && !d.isNull() && !d.isMissingNode()) {
          documents.add(d);
        }
      });
    }
    return documents;
  }

  private static JsonNode acl(JsonNode userSpec, String type, String name, String patternType) {
    for (JsonNode acl : userSpec.path("authorization").path("acls")) {
      JsonNode resource = acl.path("resource");
      if (resource.path("type").asText().equals(type) && resource.path("name").asText().equals(name)
          && resource.path("patternType").asText().equals(patternType)) {
        return acl;
      }
    }
    throw new AssertionError("No ACL for " + type + " " + patternType + " " + name);
  }

  private static List<String> operations(JsonNode acl) {
    List<String> operations = new ArrayList<>();
    acl.path("operations").forEach(o -> operations.add(o.asText()));
    return operations;
  }

  private static JsonNode env(JsonNode container, String name) {
    for (JsonNode variable : container.path("env")) {
      if (variable.path("name").asText().equals(name)) {
        return variable;
      }
    }
    return MissingNode.getInstance();
  }

  private static String envValue(JsonNode container, String name) {
    return env(container, name).path("value").asText(null);
  }

  private static String textOrNull(JsonNode node) {
    return node.isMissingNode() ? null : node.asText();
  }

  private static Long longOrNull(JsonNode node) {
    return node.isMissingNode() ? null : node.asLong();
  }

  /** The repository root: the system property leain.root, else the nearest ancestor holding data/. */
  private static Path repositoryRoot() {
    String property = System.getProperty("leain.root");
    if (property != null && Files.isDirectory(Path.of(property, "k8s"))) {
      return Path.of(property);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("data")) && Files.isDirectory(dir.resolve("k8s"))) {
        return dir;
      }
    }
    throw new IllegalStateException("Expected a repository root with data/ and k8s/. Actual: none above "
        + Path.of("").toAbsolutePath());
  }
}
