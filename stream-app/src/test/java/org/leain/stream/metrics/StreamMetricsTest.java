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

  @Test
  void calibration_isExportedOnlyOnceSet_andCoverageOnlyWhenTheWindowHasIt() {
    StreamMetrics metrics = new StreamMetrics();
    assertFalse(metrics.prometheusText().contains("leain_shadow"), "nothing of the shadow while injections are off");
    metrics.calibration(new Calibration(12, 3, java.util.List.of(), java.util.Optional.empty(),
        java.util.Optional.empty()));
    String early = metrics.prometheusText();
    assertTrue(early.contains("leain_shadow_injections_total 12\n"), early);
    assertTrue(early.contains("leain_shadow_window_size 3\n"), early);
    assertFalse(early.contains("leain_shadow_coverage"), early);
    metrics.calibration(new Calibration(40, 30, java.util.List.of(new Calibration.ParameterCalibration("z", 0.5, 0.875,
        0.125)), java.util.Optional.of(0.25), java.util.Optional.of(0.75)));
    String full = metrics.prometheusText();
    assertTrue(full.contains("leain_shadow_coverage{parameter=\"z\",level=\"0.9\"} 0.875000\n"), full);
    assertTrue(full.contains("leain_shadow_coverage{parameter=\"z\",level=\"0.5\"} 0.500000\n"), full);
    assertTrue(full.contains("leain_shadow_pit_ks{parameter=\"z\"} 0.125000\n"), full);
    assertTrue(full.contains("leain_shadow_joint_coverage{level=\"0.9\"} 0.750000\n"), full);
    assertFalse(full.contains("NaN"), full);
  }
}
