package org.leain.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.leain.k8s.ManifestFiles.K8S;
import static org.leain.k8s.ManifestFiles.YAML;
import static org.leain.k8s.ManifestFiles.documents;
import static org.leain.k8s.ManifestFiles.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.topics.LeainTopicSpec;
import org.leain.stream.topics.LeainTopics;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Kubernetes manifests in k8s/, read as YAML: they must say what the design says (topics,
 * security, scaling bounds, probes), whatever a cluster would accept. Topics are compared with the
 * specs the app itself would create ({@link LeainTopics}) under the configuration the ConfigMap and
 * the StatefulSet's environment give it. Rendering the overlays with {@code kubectl kustomize} is an
 * extra check where kubectl exists.
 */
class KubernetesManifestsTest {

  private static final Set<String> WORKLOAD_KINDS = Set.of("StatefulSet", "Deployment", "DaemonSet", "Job", "CronJob");
  private static final long EIGHT_MIB = 8L * 1024 * 1024;

  @ParameterizedTest
  @ValueSource(strings = {"base", "grafana", "gcn", "overlays/cpu", "overlays/gpu"})
  void everyFileAKustomizationNames_existsAndHoldsNamedResources(String directory) throws IOException {
    Path dir = K8S.resolve(directory);
    JsonNode kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
    List<Path> files = new ArrayList<>();
    kustomization.path("resources").forEach(r -> files.add(dir.resolve(r.asText())));
    kustomization.path("patches").forEach(p -> files.add(dir.resolve(p.path("path").asText())));
    kustomization.path("configMapGenerator").forEach(g -> g.path("files").forEach(f -> files.add(dir.resolve(f.asText()))));
    assertFalse(files.isEmpty(), "kustomization in " + directory + " names no files");
    for (Path file : files) {
      if (Files.isDirectory(file)) {
        assertTrue(Files.exists(file.resolve("kustomization.yaml")), "no kustomization in " + file);
        continue;
      }
      assertTrue(Files.isRegularFile(file), "missing " + file);
      if (!file.toString().endsWith(".yaml")) {
        continue;
      }
      for (JsonNode document : documents(file)) {
        assertFalse(document.path("apiVersion").asText().isEmpty(), "no apiVersion in " + file);
        assertFalse(document.path("kind").asText().isEmpty(), "no kind in " + file);
        assertFalse(document.path("metadata").path("name").asText().isEmpty(), "no name in " + file);
      }
    }
  }

  @Test
  void theKafkaTopics_areExactlyTheTopicsTheAppWouldCreate_withTheSamePartitionsReplicasAndConfigs(@TempDir Path dir)
      throws IOException {
    LeainConfig config = ManifestFiles.appConfig(dir);
    Map<String, JsonNode> declared = new TreeMap<>();
    for (JsonNode topic : documents(K8S.resolve("base/topics.yaml"))) {
      assertEquals("KafkaTopic", topic.path("kind").asText());
      assertEquals("leain-kafka", topic.path("metadata").path("labels").path("strimzi.io/cluster").asText());
      declared.put(topic.path("spec").path("topicName").asText(), topic.path("spec"));
    }
    List<LeainTopicSpec> specs = LeainTopics.specs(config);
    assertEquals(specs.stream().map(LeainTopicSpec::name).sorted().toList(), List.copyOf(declared.keySet()));
    for (LeainTopicSpec spec : specs) {
      JsonNode topic = declared.get(spec.name());
      assertEquals(spec.partitions(), topic.path("partitions").asInt(), spec.name() + " partitions");
      assertEquals(spec.replicationFactor().map(Short::intValue).orElse(null),
          topic.has("replicas") ? topic.path("replicas").asInt() : null, spec.name() + " replicas");
      Map<String, String> configs = new TreeMap<>();
      topic.path("config").fields().forEachRemaining(e -> configs.put(e.getKey(), e.getValue().asText()));
      assertEquals(new TreeMap<>(spec.configs()), configs, spec.name() + " configs");
      assertEquals(EIGHT_MIB, Long.parseLong(configs.get("max.message.bytes")), spec.name());
    }
  }

  @Test
  void theAppsConfiguration_keepsAStandbyReplicaOfItsState_andTheScalingCapIsThePartitionCount(@TempDir Path dir)
      throws IOException {
    LeainConfig config = ManifestFiles.appConfig(dir);
    assertTrue(Integer.parseInt(config.kafkaPassThrough().getOrDefault("num.standby.replicas", "0")) >= 1,
        config.kafkaPassThrough().toString());
    JsonNode scaling = resource("scaled-object.yaml", "ScaledObject", "leain").path("spec");
    assertEquals(config.layout().partitions(), scaling.path("maxReplicaCount").asInt());
    assertEquals(config.applicationId(),
        scaling.path("triggers").get(0).path("metadata").path("consumerGroup").asText());
  }

  @Test
  void theModel_isNamedInThePodTemplate_soChangingItRollsTheReplicas(@TempDir Path dir) throws IOException {
    JsonNode container = resource("statefulset.yaml", "StatefulSet", "leain")
        .path("spec").path("template").path("spec").path("containers").get(0);
    String model = envValue(container, LeainConfig.environmentName("model.name"));
    assertEquals(model, ManifestFiles.appConfig(dir).model().name());
    Properties settings = new Properties();
    settings.load(new StringReader(resource("config.yaml", "ConfigMap", "leain-config")
        .path("data").path("leain.properties").asText()));
    assertFalse(settings.containsKey("model.name"), "a ConfigMap change does not roll the pods: name the model in the pod template");
  }

  @Test
  void theKafkaCluster_isKraftWithOneNodeLossTolerated_takesEightMiBRecords_andSizesEveryContainer() throws IOException {
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
    JsonNode kafka = resource("kafka.yaml", "Kafka", "leain-kafka").path("spec");
    // Every container Strimzi runs for this cluster has requests and a memory limit.
    for (JsonNode resources : List.of(pool.path("resources"), kafka.path("kafkaExporter").path("resources"),
        kafka.path("entityOperator").path("topicOperator").path("resources"),
        kafka.path("entityOperator").path("userOperator").path("resources"))) {
      JsonNode requests = resources.path("requests");
      assertFalse(requests.path("memory").isMissingNode() || requests.path("cpu").isMissingNode(), kafka.toString());
      assertFalse(resources.path("limits").path("memory").isMissingNode(), kafka.toString());
    }
  }

  @Test
  void theKafkaExporter_isEnabled_forTheAppsConsumerGroupAndEveryLeainTopic(@TempDir Path dir) throws IOException {
    LeainConfig config = ManifestFiles.appConfig(dir);
    JsonNode exporter = resource("kafka.yaml", "Kafka", "leain-kafka").path("spec").path("kafkaExporter");
    assertTrue(exporter.isObject(), "spec.kafkaExporter is missing: no kafka_consumergroup_lag");
    // The exporter's filters are Go regular expressions, matched unanchored.
    assertTrue(Pattern.compile(exporter.path("groupRegex").asText(".*")).matcher(config.applicationId()).find());
    assertFalse(Pattern.compile(exporter.path("groupRegex").asText(".*")).matcher("another-app").find());
    for (LeainTopicSpec spec : LeainTopics.specs(config)) {
      assertTrue(Pattern.compile(exporter.path("topicRegex").asText(".*")).matcher(spec.name()).find(), spec.name());
    }
    JsonNode podMonitor = resource("service-monitor.yaml", "PodMonitor", "leain-kafka-exporter").path("spec");
    assertEquals("leain-kafka-kafka-exporter", podMonitor.path("selector").path("matchLabels").path("strimzi.io/name").asText());
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
    // DJL's writable cache is a volume; libtorch itself was unpacked into the image at build time.
    assertTrue(mounts.contains(envValue(container, "DJL_CACHE_DIR")), "DJL_CACHE_DIR is not a writable volume");
    String engineCache = envValue(container, "ENGINE_CACHE_DIR");
    assertTrue(engineCache.startsWith("/opt/leain/"), "ENGINE_CACHE_DIR " + engineCache + " is not in the image");
    assertTrue(mounts.stream().noneMatch(m -> engineCache.startsWith(m)), "a volume would hide the image's engine cache");
    for (String dockerfile : new String[] {"Dockerfile.cpu", "Dockerfile.cuda"}) {
      String text = Files.readString(K8S.resolve(dockerfile));
      assertTrue(text.contains("fill-djl-cache.sh /opt/leain/lib " + engineCache), dockerfile + " does not fill " + engineCache);
      assertTrue(text.contains("ENGINE_CACHE_DIR=" + engineCache), dockerfile);
    }
    JsonNode claims = resource("statefulset.yaml", "StatefulSet", "leain").path("spec").path("volumeClaimTemplates");
    assertEquals("state", claims.get(0).path("metadata").path("name").asText());
  }

  @Test
  void everyContainer_hasRequestsLimitsProbesAPinnedImage_andRunsNonRoot() throws IOException {
    int containers = 0;
    for (JsonNode workload : ManifestFiles.resourcesUnder("base")) {
      if (!WORKLOAD_KINDS.contains(workload.path("kind").asText())) {
        continue;
      }
      JsonNode pod = workload.path("spec").path("template").path("spec");
      for (String list : new String[] {"initContainers", "containers"}) {
        for (JsonNode container : pod.path(list)) {
          containers++;
          String where = workload.path("metadata").path("name").asText() + "/" + container.path("name").asText();
          JsonNode resources = container.path("resources");
          for (String quantity : new String[] {"cpu", "memory"}) {
            assertFalse(resources.path("requests").path(quantity).isMissingNode(), where + " requests." + quantity);
          }
          assertFalse(resources.path("limits").path("memory").isMissingNode(), where + " limits.memory");
          if (list.equals("containers")) {
            assertFalse(container.path("livenessProbe").isMissingNode(), where + " livenessProbe");
            assertFalse(container.path("readinessProbe").isMissingNode(), where + " readinessProbe");
          }
          assertPinned(container.path("image").asText(), where);
          assertTrue(container.path("securityContext").path("runAsNonRoot").asBoolean(false)
              || pod.path("securityContext").path("runAsNonRoot").asBoolean(false), where + " runAsNonRoot");
          assertTrue(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean(false),
              where + " readOnlyRootFilesystem");
        }
      }
    }
    assertTrue(containers > 0, "no container found in k8s/base");
  }

  @ParameterizedTest(name = "{0} with Maven profile \"{1}\"")
  @CsvSource({"Dockerfile.cpu, ''", "Dockerfile.cuda, cuda"})
  void eachImage_pointsDjlAtTheLibtorchItsMavenProfileShips(String dockerfile, String profile) throws Exception {
    Map<String, String> pom = pomProperties(profile);
    String text = Files.readString(K8S.resolve(dockerfile));
    assertTrue(text.contains("mvn -B -ntp -q " + (profile.isEmpty() ? "" : "-P" + profile + " ") + "-DskipTests"),
        dockerfile + " does not build with profile '" + profile + "'");
    assertTrue(text.contains("PYTORCH_VERSION=" + pom.get("pytorch.native.version") + " "), dockerfile);
    String flavor = pom.get("pytorch.native.artifact").substring("pytorch-native-".length());
    assertTrue(text.contains("PYTORCH_FLAVOR=" + flavor + " "), dockerfile + " flavor " + flavor);
    assertTrue(text.contains("PYTORCH_LIBRARY_PATH=/opt/leain/djl-engine/pytorch/current "), dockerfile);
  }

  /** The parent pom's properties, with those of {@code profile} (if not empty) applied over them. */
  private static Map<String, String> pomProperties(String profile) throws Exception {
    Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(K8S.resolveSibling("pom.xml").toFile());
    Map<String, String> properties = new TreeMap<>();
    NodeList blocks = pom.getElementsByTagName("properties");
    for (int i = 0; i < blocks.getLength(); i++) {
      Element block = (Element) blocks.item(i);
      Element parent = (Element) block.getParentNode();
      boolean inProfile = parent.getTagName().equals("profile");
      String id = inProfile ? parent.getElementsByTagName("id").item(0).getTextContent() : "";
      if (!inProfile || id.equals(profile)) {
        NodeList children = block.getChildNodes();
        for (int j = 0; j < children.getLength(); j++) {
          if (children.item(j) instanceof Element property) {
            properties.put(property.getTagName(), property.getTextContent().trim());
          }
        }
      }
    }
    return properties;
  }

  @Test
  void theApp_isProbedOnHealthAndReady_andItsImageTagIsPinned() throws IOException {
    JsonNode container = resource("statefulset.yaml", "StatefulSet", "leain")
        .path("spec").path("template").path("spec").path("containers").get(0);
    assertEquals(8080, container.path("ports").get(0).path("containerPort").asInt());
    assertEquals("/health", container.path("livenessProbe").path("httpGet").path("path").asText());
    assertEquals("/ready", container.path("readinessProbe").path("httpGet").path("path").asText());
    assertPinned(container.path("image").asText(), "leain");
    for (String overlay : new String[] {"base", "overlays/cpu", "overlays/gpu"}) {
      JsonNode kustomization = YAML.readTree(K8S.resolve(overlay).resolve("kustomization.yaml").toFile());
      for (JsonNode image : kustomization.path("images")) {
        String tag = image.path("newTag").asText();
        assertFalse(tag.isEmpty() || tag.equals("latest"), overlay + " newTag " + tag);
      }
    }
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
  void gcnCredentials_comeOnlyFromASecret_andNoManifestHoldsALiteralSecret() throws IOException {
    JsonNode mirror = ManifestFiles.resourcesUnder("gcn").stream()
        .filter(d -> d.path("kind").asText().equals("KafkaMirrorMaker2")).findFirst()
        .orElseThrow(() -> new AssertionError("no KafkaMirrorMaker2 in k8s/gcn"));
    JsonNode gcn = MissingNode.getInstance();
    for (JsonNode cluster : mirror.path("spec").path("clusters")) {
      if (cluster.path("alias").asText().equals("gcn")) {
        gcn = cluster;
      }
    }
    assertFalse(mirror.path("spec").path("resources").path("limits").path("memory").isMissingNode(), "mirror resources");
    assertEquals("oauth", gcn.path("authentication").path("type").asText(), gcn.toString());
    JsonNode clientSecret = gcn.path("authentication").path("clientSecret");
    assertFalse(clientSecret.path("secretName").asText().isEmpty() || clientSecret.path("key").asText().isEmpty(),
        "the GCN client secret must be a Secret reference: " + clientSecret);
    List<String> literals = new ArrayList<>();
    for (String directory : new String[] {"base", "gcn", "overlays"}) {
      for (JsonNode document : ManifestFiles.resourcesUnder(directory)) {
        collectLiteralSecrets(document, "", "", literals);
      }
    }
    assertEquals(List.of(), literals);
  }

  /**
   * Fields named like a secret that hold text (not a Secret's name, an endpoint or a flag); inside
   * Strimzi's {@code passwordSecret} the field {@code password} names the Secret's key.
   */
  private static void collectLiteralSecrets(JsonNode node, String parent, String path, List<String> found) {
    node.fields().forEachRemaining(field -> {
      String name = field.getKey().toLowerCase();
      boolean namedLikeASecret = (name.contains("password") || name.contains("secret") || name.contains("token"))
          && !name.endsWith("name") && !name.endsWith("uri") && !name.endsWith("url");
      if (namedLikeASecret && field.getValue().isTextual() && !parent.equals("passwordsecret")) {
        found.add(path + "/" + field.getKey());
      }
      collectLiteralSecrets(field.getValue(), name, path + "/" + field.getKey(), found);
    });
    if (node.isArray()) {
      node.forEach(element -> collectLiteralSecrets(element, parent, path + "[]", found));
    }
  }

  @Test
  void autoscaling_followsConsumerLag_andNeverExceedsThePartitionCount() throws IOException {
    JsonNode spec = resource("scaled-object.yaml", "ScaledObject", "leain").path("spec");
    assertEquals("StatefulSet", spec.path("scaleTargetRef").path("kind").asText());
    assertEquals("leain", spec.path("scaleTargetRef").path("name").asText());
    assertEquals("kafka", spec.path("triggers").get(0).path("type").asText());
    assertEquals("leain", spec.path("triggers").get(0).path("metadata").path("consumerGroup").asText());
    for (JsonNode topic : documents(K8S.resolve("base/topics.yaml"))) {
      assertTrue(spec.path("maxReplicaCount").asInt() <= topic.path("spec").path("partitions").asInt(),
          "more replicas than partitions of " + topic.path("spec").path("topicName").asText());
    }
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
    List<JsonNode> rendered = new ArrayList<>();
    YAML.readValues(YAML.getFactory().createParser(output), JsonNode.class).forEachRemaining(rendered::add);
    JsonNode statefulSet = rendered.stream().filter(d -> d.path("kind").asText().equals("StatefulSet")).findFirst()
        .orElseThrow(() -> new AssertionError("no StatefulSet rendered"));
    JsonNode container = statefulSet.path("spec").path("template").path("spec").path("containers").get(0);
    assertEquals(overlay.endsWith("gpu"), container.path("image").asText().endsWith("-cuda"), container.path("image").asText());
    assertEquals(overlay.endsWith("gpu"), container.path("resources").path("limits").has("nvidia.com/gpu"));
    assertFalse(container.path("livenessProbe").isMissingNode(), "the GPU patch must keep the base's probes");
    JsonNode dashboard = rendered.stream().filter(d -> d.path("kind").asText().equals("ConfigMap")
        && d.path("metadata").path("name").asText().equals("leain-grafana-dashboard")).findFirst()
        .orElseThrow(() -> new AssertionError("no dashboard ConfigMap rendered"));
    assertEquals("1", dashboard.path("metadata").path("labels").path("grafana_dashboard").asText());
    assertEquals(Files.readString(K8S.resolve("grafana/leain-dashboard.json")),
        dashboard.path("data").path("leain-dashboard.json").asText());
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

  private static void assertPinned(String image, String where) {
    int colon = image.lastIndexOf(':');
    String tag = colon < 0 ? "" : image.substring(colon + 1);
    assertFalse(image.isEmpty() || tag.isEmpty() || tag.equals("latest") || tag.contains("/"),
        where + ": unpinned image " + image);
  }
}
