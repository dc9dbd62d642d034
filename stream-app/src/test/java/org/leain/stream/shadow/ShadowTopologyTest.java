package org.leain.stream.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leain.contracts.AlertType;
import org.leain.contracts.DcbhPosterior;
import org.leain.sim.prior.Parameter;
import org.leain.stream.lvk.SkyAlertDecoder;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;

/**
 * Shadow injections through the real topology in a TopologyTestDriver, with the toy problem of
 * {@link ToyInjections} (exact posterior known) and its posterior engine.
 */
class ShadowTopologyTest {
  private StreamDriver stream;

  private StreamDriver start(double widthScale, Map<String, String> extra) {
    Map<String, String> settings = new HashMap<>(Map.of("shadow.injections.per.hour", "3600",
        "shadow.injections.seed", "20261124", "join.order", "4"));
    settings.putAll(extra);
    stream = new StreamDriver(settings, new SkyAlertDecoder(), () -> new ToyGaussianEngine(widthScale),
        new ToyInjections());
    return stream;
  }

  /** Advances the wall clock one injection interval (1 s at 3600 per hour) {@code n} times. */
  private void inject(int n) {
    for (int i = 0; i < n; i++) {
      stream.driver.advanceWallClockTime(Duration.ofSeconds(1));
    }
  }

  @AfterEach
  void close() {
    if (stream != null) {
      stream.close();
    }
  }

  @Test
  void shadowPosteriors_carryTheFlagAndTheirTrueValues_andRealOnesNeverDo() {
    start(1.0, Map.of());
    TestOutputTopic<String, ShadowTruth> truthTopic = stream.driver.createOutputTopic("leain.shadow.truth",
        Serdes.String().deserializer(), JsonSerde.of(ShadowTruth.class).deserializer());
    // A real pair far (> 60 deg) from the first injections' positions near the north pole.
    stream.candidate(Fixtures.candidate("S261101a", AlertType.PRELIMINARY, 1, 1_000L,
        Fixtures.gaussianMap(40.0, -30.0, 2.0, 4)), 1_000L);
    stream.spectrum(Fixtures.spectrum("real-spectrum", 40.0, -30.0), 1_001L);
    inject(5);
    // A real spectrum that lies in injection 0's map: the join must not pair it with the simulated source.
    double[] near = ToyInjections.position(0, ToyInjections.POSITIONS);
    stream.spectrum(Fixtures.spectrum("real-near-shadow", near[0], near[1]), 9_000L);

    Map<String, DcbhPosterior> posteriors = StreamDriver.latest(stream.posteriors);
    Map<String, ShadowTruth> truths = StreamDriver.latest(truthTopic);
    assertEquals(6, posteriors.size(), posteriors.keySet().toString());
    DcbhPosterior real = posteriors.get("S261101a|real-spectrum");
    assertFalse(real.getShadowInjection());
    assertNull(real.getTrueValues());
    assertFalse(StreamDriver.latest(stream.associations).containsKey("MSHADOW000000000|real-near-shadow"),
        "a real spectrum is never associated with a shadow injection");
    for (long n = 0; n < 5; n++) {
      String key = ShadowIds.associationId(n);
      DcbhPosterior shadow = posteriors.get(key);
      assertNotNull(shadow, key);
      assertTrue(shadow.getShadowInjection(), key);
      List<String> names = shadow.getParameters().stream().map(p -> p.getName()).toList();
      double[] expected = truths.get(key).inOrderOf(names);
      assertEquals(7, expected.length);
      for (int k = 0; k < expected.length; k++) {
        assertEquals(expected[k], shadow.getTrueValues().get(k), 0.0, key + " " + names.get(k));
        Parameter p = Parameter.byId(names.get(k));
        assertTrue(p.contains(expected[k]), "a prior draw of " + p.id());
      }
    }
    Map<String, Double> metrics = metricSamples(stream.metrics.prometheusText());
    assertEquals(5.0, metrics.get("leain_shadow_injections_total"));
    assertEquals(5.0, metrics.get("leain_shadow_window_size"));
    assertFalse(metrics.keySet().stream().anyMatch(k -> k.startsWith("leain_shadow_coverage")),
        "no coverage before shadow.window.min (30) injections: " + metrics.keySet());
  }

  @Test
  void withTheExactPosterior_theRollingCoverage90_isWithinThreeSigmaOfNominal() {
    int w = 200;
    start(1.0, Map.of("shadow.window", Integer.toString(w)));
    inject(w);
    Map<String, Double> metrics = metricSamples(stream.metrics.prometheusText());
    assertEquals(w, metrics.get("leain_shadow_window_size"));
    double threeSigma = 3 * Math.sqrt(0.9 * 0.1 / w);
    for (Parameter p : ToyInjections.parameters()) {
      double coverage90 = metrics.get("leain_shadow_coverage{parameter=\"" + p.id() + "\",level=\"0.9\"}");
      double coverage50 = metrics.get("leain_shadow_coverage{parameter=\"" + p.id() + "\",level=\"0.5\"}");
      assertTrue(Math.abs(coverage90 - 0.9) <= threeSigma, p.id() + " coverage90 " + coverage90);
      assertTrue(Math.abs(coverage50 - 0.5) <= 3 * Math.sqrt(0.25 / w), p.id() + " coverage50 " + coverage50);
      // KS critical value at 0.1% for n = 200: 1.95 / sqrt(n).
      assertTrue(metrics.get("leain_shadow_pit_ks{parameter=\"" + p.id() + "\"}") < 1.95 / Math.sqrt(w));
    }
    print("exact", metrics);
    double joint90 = metrics.get("leain_shadow_joint_coverage{level=\"0.9\"}");
    assertTrue(Math.abs(joint90 - 0.9) <= threeSigma, "joint coverage90 " + joint90);
  }

  @Test
  void withATooNarrowPosterior_theRollingCoverage90_fallsOutside_andTheMetricShowsIt() {
    int w = 200;
    start(0.5, Map.of("shadow.window", Integer.toString(w)));
    inject(w);
    Map<String, Double> metrics = metricSamples(stream.metrics.prometheusText());
    print("half-width", metrics);
    double threeSigma = 3 * Math.sqrt(0.9 * 0.1 / w);
    for (Parameter p : ToyInjections.parameters()) {
      double coverage90 = metrics.get("leain_shadow_coverage{parameter=\"" + p.id() + "\",level=\"0.9\"}");
      // Half-width intervals cover P(|N(0,1)| < 0.822) = 0.589.
      assertTrue(coverage90 < 0.9 - threeSigma, p.id() + " coverage90 " + coverage90);
    }
    assertTrue(metrics.get("leain_shadow_joint_coverage{level=\"0.9\"}") < 0.9 - threeSigma);
  }

  @Test
  void theWindow_holdsOnlyTheLatestInjections_whileTheCounterCountsAll() {
    start(1.0, Map.of("shadow.window", "40", "shadow.window.min", "30"));
    inject(60);
    Map<String, Double> metrics = metricSamples(stream.metrics.prometheusText());
    assertEquals(60.0, metrics.get("leain_shadow_injections_total"));
    assertEquals(40.0, metrics.get("leain_shadow_window_size"));
    assertTrue(metrics.containsKey("leain_shadow_coverage{parameter=\"q\",level=\"0.9\"}"));
  }

  /** Prints the 90% coverages (the figures RELIABILITY.md quotes). */
  private static void print(String engine, Map<String, Double> metrics) {
    StringBuilder line = new StringBuilder("toy problem, " + engine + " engine:");
    metrics.forEach((series, value) -> {
      if (series.contains("level=\"0.9\"")) {
        line.append(' ').append(series.replaceAll(".*parameter=\"([^\"]*)\".*", "$1").replaceAll("leain_shadow_joint.*", "joint"))
            .append('=').append(value);
      }
    });
    System.out.println(line);
  }

  /** Series (name with labels) -> value, from Prometheus text; fails on NaN. */
  static Map<String, Double> metricSamples(String text) {
    Map<String, Double> out = new TreeMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      double value = Double.parseDouble(line.substring(space + 1));
      assertTrue(Double.isFinite(value), line);
      out.put(line.substring(0, space), value);
    }
    return out;
  }
}
