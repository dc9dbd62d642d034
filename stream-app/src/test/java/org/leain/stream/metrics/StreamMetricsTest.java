package org.leain.stream.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StreamMetricsTest {

  private static Map<String, String> samples(String text) {
    return Arrays.stream(text.split("\n")).filter(l -> !l.startsWith("#") && !l.isBlank())
        .collect(Collectors.toMap(l -> l.substring(0, l.lastIndexOf(' ')), l -> l.substring(l.lastIndexOf(' ') + 1)));
  }

  @Test
  void emptyMetrics_exportZeros_neverNaNOrInf_allPrefixedLeain() {
    String text = new StreamMetrics().prometheusText();
    assertFalse(text.contains("NaN") || text.contains("Inf"), text);
    for (String name : samples(text).keySet()) {
      assertTrue(name.startsWith("leain_"), name);
    }
    assertEquals("0", samples(text).get("leain_stage_latency_seconds_count{stage=\"end_to_end\"}"));
  }

  @Test
  void quantiles_andCounters_reflectWhatWasRecorded() {
    StreamMetrics metrics = new StreamMetrics();
    for (int ms = 1; ms <= 100; ms++) {
      metrics.record(Stage.END_TO_END, ms);
    }
    metrics.increment(Counter.ASSOCIATIONS);
    metrics.increment(Counter.ASSOCIATIONS);
    metrics.deadLetter("INVALID_ID");
    Map<String, String> s = samples(metrics.prometheusText());
    assertEquals(0.050, Double.parseDouble(s.get("leain_stage_latency_seconds{stage=\"end_to_end\",quantile=\"0.5\"}")), 0.001);
    assertEquals(0.099, Double.parseDouble(s.get("leain_stage_latency_seconds{stage=\"end_to_end\",quantile=\"0.99\"}")), 0.001);
    assertEquals("100", s.get("leain_stage_latency_seconds_count{stage=\"end_to_end\"}"));
    assertEquals(5.050, Double.parseDouble(s.get("leain_stage_latency_seconds_sum{stage=\"end_to_end\"}")), 0.01);
    assertEquals("2", s.get("leain_associations_total"));
    assertEquals("1", s.get("leain_dead_letters_total"));
    assertEquals("1", s.get("leain_dead_letters_by_reason_total{reason=\"INVALID_ID\"}"));
  }
}
