package org.leain.stream.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.stream.testing.Fixtures;

/** The settings file and environment the Kubernetes manifests give the app are a valid configuration. */
class KubernetesConfigTest {

  @Test
  void k8sConfigMap_withItsEnvironment_loads(@TempDir Path dir) throws IOException {
    List<String> lines = Files.readAllLines(Fixtures.root().resolve("k8s/base/config.yaml"));
    StringBuilder properties = new StringBuilder();
    boolean inBlock = false;
    for (String line : lines) {
      if (line.trim().startsWith("leain.properties: |")) {
        inBlock = true;
      } else if (inBlock && (line.startsWith("    ") || line.isBlank())) {
        properties.append(line.strip()).append('\n');
      } else if (inBlock) {
        break;
      }
    }
    Path file = dir.resolve("leain.properties");
    Files.writeString(file, properties);
    LeainConfig config = LeainConfig.load(Optional.of(file), Map.of("LEAIN_SASL_PASSWORD", "from-the-secret",
        "LEAIN_INSTANCE_ID", "leain-0", "LEAIN_KAFKA_APPLICATION_SERVER", "leain-0.leain-headless:8080"),
        Map.of());
    assertEquals("leain", config.applicationId());
    assertEquals("SASL_SSL", config.security().protocol());
    assertTrue(config.security().clientProperties().get("sasl.jaas.config").contains("from-the-secret"));
    assertEquals(Optional.of("leain-0"), config.instanceId());
    assertEquals("leain-0.leain-headless:8080", config.kafkaPassThrough().get("application.server"));
  }
}
