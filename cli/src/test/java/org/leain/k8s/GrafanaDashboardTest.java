package org.leain.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.stream.metrics.Calibration;
import org.leain.stream.metrics.Counter;
import org.leain.stream.metrics.Stage;
import org.leain.stream.metrics.StreamMetrics;

/**
 * The Grafana dashboard k8s/grafana/leain-dashboard.json queries only series that exist: every
 * {@code leain_*} name (and every literal label value it selects on) must appear in the app's own
 * Prometheus text, produced by the real {@link StreamMetrics} after recording values; the only other
 * names allowed are the Kafka Exporter's, listed here.
 */
class GrafanaDashboardTest {

  /** Series of Strimzi's Kafka Exporter (enabled in kafka.yaml) the dashboard may use. */
  private static final Set<String> KAFKA_EXPORTER_METRICS = Set.of("kafka_consumergroup_lag");

  /** PromQL words that are not metric names: functions, aggregations, modifiers. */
  private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "irate",
      "increase", "histogram_quantile", "by", "without", "on", "ignoring", "group_left", "group_right", "and",
      "or", "unless", "offset", "topk", "bottomk", "quantile", "clamp_min", "clamp_max", "abs", "delta", "deriv",
      "vector", "scalar", "time", "bool", "max_over_time", "min_over_time", "avg_over_time", "sqrt");

  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*\\{([^}]*)}");
  private static final Pattern EQUALITY_MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"");

  private static List<String> expressions;
  private static Map<String, List<String>> exportedSamples;

  @BeforeAll
  static void readTheDashboard_andScrapeTheApp() throws IOException {
    JsonNode dashboard = new ObjectMapper().readTree(ManifestFiles.K8S.resolve("grafana/leain-dashboard.json").toFile());
    expressions = new ArrayList<>();
    dashboard.findValues("expr").forEach(e -> expressions.add(e.asText()));

    StreamMetrics metrics = new StreamMetrics();
    for (Counter counter : Counter.values()) {
      metrics.increment(counter);
    }
    metrics.deadLetter("deserialization");
    metrics.calibration(new Calibration(40, 30, List.of(new Calibration.ParameterCalibration("z", 0.5, 0.9, 0.1)),
        Optional.of(0.5), Optional.of(0.9)));
    for (Stage stage : Stage.values()) {
      for (long ms = 1; ms <= 2_000; ms++) {
        metrics.record(stage, ms);
      }
    }
    exportedSamples = samples(metrics.prometheusText());
  }

  @Test
  void theDashboard_hasQueries_forLatencyThroughputLagDeadLettersAndWithdrawals() {
    String all = String.join("\n", expressions);
    for (String needed : List.of("leain_stage_latency_seconds", "leain_posteriors_total", "kafka_consumergroup_lag",
        "leain_dead_letters_by_reason_total", "leain_withdrawals_total", "leain_shadow_coverage",
        "leain_shadow_pit_ks")) {
      assertTrue(all.contains(needed), "no panel queries " + needed);
    }
    for (String quantile : List.of("0.5", "0.99", "0.999")) {
      assertTrue(all.contains("quantile=\"" + quantile + "\""), "no p" + quantile + " panel");
    }
  }

  @Test
  void everyLeainMetricTheDashboardQueries_isInTheAppsMetricsOutput_andNoOtherSourceIsUsed() {
    Set<String> names = new TreeSet<>();
    expressions.forEach(e -> names.addAll(metricNames(e)));
    assertFalse(names.isEmpty());
    for (String name : names) {
      if (name.startsWith("leain_")) {
        assertTrue(exportedSamples.containsKey(name), name + " is not in /metrics: " + exportedSamples.keySet());
      } else {
        assertTrue(KAFKA_EXPORTER_METRICS.contains(name), name + " is neither the app's nor the Kafka Exporter's");
      }
    }
  }

  @Test
  void everyLiteralLabelValueTheDashboardSelects_isExported(@TempDir Path dir) throws IOException {
    String applicationId = ManifestFiles.appConfig(dir).applicationId();
    for (String expression : expressions) {
      Matcher selector = SELECTOR.matcher(expression);
      while (selector.find()) {
        String name = selector.group(1);
        Matcher matcher = EQUALITY_MATCHER.matcher(selector.group(2));
        while (matcher.find()) {
          String label = matcher.group(1) + "=\"" + matcher.group(2) + "\"";
          if (name.startsWith("leain_")) {
            assertTrue(exportedSamples.get(name).stream().anyMatch(labels -> labels.contains(label)),
                name + "{" + label + "} is not exported: " + exportedSamples.get(name));
          } else if (matcher.group(1).equals("consumergroup")) {
            assertEquals(applicationId, matcher.group(2), "the app's consumer group is its application id");
          }
        }
      }
    }
  }

  @Test
  void theCalibrationAlert_queriesExportedSeries_andFiresBeyondThreeBinomialSigmaForHalfAnHour() throws IOException {
    JsonNode rule = ManifestFiles.resource("prometheus-rule.yaml", "PrometheusRule", "leain-calibration")
        .path("spec").path("groups").get(0).path("rules").get(0);
    String expression = rule.path("expr").asText();
    for (String name : metricNames(expression)) {
      assertTrue(exportedSamples.containsKey(name), name + " is not in /metrics: " + exportedSamples.keySet());
    }
    assertTrue(expression.contains("leain_shadow_coverage{level=\"0.9\"}"), expression);
    assertTrue(exportedSamples.get("leain_shadow_coverage").contains("{parameter=\"z\",level=\"0.9\"}"));
    assertTrue(expression.replace(" ", "").contains("3*sqrt(0.09/leain_shadow_window_size)"), expression);
    assertEquals("30m", rule.path("for").asText());
  }

  @Test
  void metricNames_areFoundInPromQl_withoutFunctionsLabelsOrDurations() {
    assertEquals(Set.of("a_total", "b_seconds_count", "kafka_consumergroup_lag"), metricNames(
        "sum by (stage) (rate(a_total{reason=\"x y\", stage!~\"z\"}[5m])) / ignoring(le) rate(b_seconds_count[1h])"
            + " + on (topic) max(kafka_consumergroup_lag)"));
  }

  /** Metric names in a PromQL expression: identifiers outside strings, label braces and grouping lists. */
  static Set<String> metricNames(String expression) {
    String stripped = expression
        .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
        .replaceAll("\\{[^}]*}", " ")
        .replaceAll("\\[[^]]*]", " ")
        .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> names = new TreeSet<>();
    Matcher identifier = IDENTIFIER.matcher(stripped);
    while (identifier.find()) {
      String word = identifier.group();
      boolean isFunctionCall = stripped.substring(identifier.end()).stripLeading().startsWith("(");
      if (!PROMQL_WORDS.contains(word) && !isFunctionCall) {
        names.add(word);
      }
    }
    return names;
  }

  /** Sample name -> the label sets of its samples, from Prometheus text. */
  private static Map<String, List<String>> samples(String prometheusText) {
    Map<String, List<String>> samples = new TreeMap<>();
    for (String line : prometheusText.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int brace = line.indexOf('{');
      int space = line.indexOf(' ');
      int end = brace >= 0 && brace < space ? brace : space;
      String labels = brace >= 0 && brace < space ? line.substring(brace, line.indexOf('}') + 1) : "";
      samples.computeIfAbsent(line.substring(0, end), n -> new ArrayList<>()).add(labels);
    }
    return samples;
  }
}
