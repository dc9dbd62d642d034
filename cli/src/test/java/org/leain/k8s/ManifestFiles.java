package org.leain.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.leain.stream.config.LeainConfig;

/** Reads the manifests in k8s/ as YAML documents, and the app configuration the ConfigMap gives. */
final class ManifestFiles {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Path K8S = repositoryRoot().resolve("k8s");

  private ManifestFiles() {}

  /** Every non-empty YAML document of {@code file}. */
  static List<JsonNode> documents(Path file) throws IOException {
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

  /** Every document of every YAML file under {@code k8s/<directory>}, kustomizations excluded. */
  static List<JsonNode> resourcesUnder(String directory) throws IOException {
    List<JsonNode> resources = new ArrayList<>();
    try (var files = Files.walk(K8S.resolve(directory))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        if (!file.getFileName().toString().equals("kustomization.yaml")) {
          resources.addAll(documents(file));
        }
      }
    }
    return resources;
  }

  /** The resource {@code kind}/{@code name} in {@code k8s/base/<file>}. */
  static JsonNode resource(String file, String kind, String name) throws IOException {
    for (JsonNode document : documents(K8S.resolve("base").resolve(file))) {
      if (document.path("kind").asText().equals(kind) && document.path("metadata").path("name").asText().equals(name)) {
        return document;
      }
    }
    throw new AssertionError("No " + kind + " " + name + " in k8s/base/" + file);
  }

  /**
   * The configuration the app runs with in the cluster: the ConfigMap's settings file plus the
   * environment the StatefulSet sets (secrets and the pod name replaced by stand-ins), loaded by the
   * app's own code.
   */
  static LeainConfig appConfig(Path tempDir) throws IOException {
    Path file = tempDir.resolve("leain.properties");
    Files.writeString(file, resource("config.yaml", "ConfigMap", "leain-config").path("data").path("leain.properties").asText());
    Map<String, String> environment = new TreeMap<>();
    JsonNode container = resource("statefulset.yaml", "StatefulSet", "leain")
        .path("spec").path("template").path("spec").path("containers").get(0);
    for (JsonNode variable : container.path("env")) {
      String value = variable.has("value") ? variable.path("value").asText().replace("$(POD_NAME)", "leain-0")
          : variable.path("valueFrom").has("secretKeyRef") ? "stand-in-for-the-secret" : "leain-0";
      environment.put(variable.path("name").asText(), value);
    }
    return LeainConfig.load(Optional.of(file), environment, Map.of());
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
