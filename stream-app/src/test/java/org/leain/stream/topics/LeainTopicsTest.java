package org.leain.stream.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.leain.stream.config.LeainConfig;

class LeainTopicsTest {

  private final LeainConfig config = LeainConfig.fromMap(Map.of("bootstrap.servers", "localhost:9092", "join.retention", "3d"));
  private final Map<String, LeainTopicSpec> byName = LeainTopics.specs(config).stream()
      .collect(Collectors.toMap(LeainTopicSpec::name, s -> s));

  @Test
  void keyedStateTopics_areCompacted_andKeepTombstones() {
    for (String name : List.of("leain.gw.candidates", "leain.associations", "leain.posteriors")) {
      assertEquals("compact", byName.get(name).configs().get("cleanup.policy"), name);
      assertTrue(Long.parseLong(byName.get(name).configs().get("delete.retention.ms")) >= 24 * 3600_000L, name);
    }
    assertEquals("delete", byName.get("leain.dlq").configs().get("cleanup.policy"));
  }

  @Test
  void spectra_outliveTheJoinRetention() {
    LeainTopicSpec spectra = byName.get("leain.jwst.spectra");
    assertEquals("delete", spectra.configs().get("cleanup.policy"));
    assertTrue(Long.parseLong(spectra.configs().get("retention.ms")) >= config.join().retention().toMillis());
  }

  @Test
  void everyTopic_acceptsAGcnSizedAlert_andInputsAreCoPartitioned() {
    assertEquals(6, byName.size());
    for (LeainTopicSpec spec : byName.values()) {
      assertTrue(Integer.parseInt(spec.configs().get("max.message.bytes")) > 4 * 1024 * 1024, spec.name());
      assertEquals(4, spec.partitions(), spec.name());
    }
    assertTrue(Integer.parseInt(LeainTopics.internalTopicConfigs(config).get("max.message.bytes")) > 4 * 1024 * 1024);
  }

  @Test
  void theShadowTruthTopic_isCreatedCompacted_onlyWhenInjectionsAreOn() {
    assertTrue(byName.keySet().stream().noneMatch(n -> n.contains("shadow")), byName.keySet().toString());
    LeainConfig on = LeainConfig.fromMap(Map.of("bootstrap.servers", "localhost:9092", "shadow.injections.per.hour", "2"));
    LeainTopicSpec truth = LeainTopics.specs(on).stream().filter(s -> s.name().equals("leain.shadow.truth"))
        .findFirst().orElseThrow();
    assertEquals("compact", truth.configs().get("cleanup.policy"));
    assertEquals(7, LeainTopics.specs(on).size());
  }
}
