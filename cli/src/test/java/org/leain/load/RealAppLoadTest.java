package org.leain.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.load.measure.LoadSummary;
import org.leain.load.measure.Reports;

/**
 * The load tool against the real stream app, for a few seconds: embedded broker (child JVM), the
 * app started as {@code leain run} in a child JVM on this module's test classpath (the same
 * classes as {@code ./leain}), the real model leain-v1, real Avro both ways. It lives in the cli
 * module because only this module sees both the load tool and the app.
 */
class RealAppLoadTest {

  private static final List<String> SUMMARY_KEYS =
      List.of("rate", "achieved_rate", "p50_ms", "p99_ms", "p999_ms", "max_ms", "errors", "dead_letters");

  @Test
  void shortRun_againstTheRealApp_givesExactlyOnePosteriorPerAssociation_andNoErrors(@TempDir Path dir)
      throws Exception {
    double rate = 40.0;
    LoadTestOptions options = new LoadTestOptions(rate, Duration.ofSeconds(5), Duration.ofSeconds(2), 5, 4,
        100.0, 0.5, 1, null, realAppLauncher(), Map.of("model.name", "leain-v1"), dir,
        Duration.ofSeconds(90), Duration.ofSeconds(30), 11L);
    ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
    LoadSummary summary = LoadTest.run(options, new PrintStream(progressBytes, true, StandardCharsets.UTF_8));
    String progress = progressBytes.toString(StandardCharsets.UTF_8);
    System.out.print(progress + Reports.table(summary));

    assertEquals(280, summary.sent(), progress);
    // Half of the spectra fall outside every region; each inside one is associated at least once.
    assertTrue(summary.expectedPosteriors() >= 100, "expected posteriors: " + summary.expectedPosteriors());
    assertEquals(summary.expectedPosteriors(), summary.receivedPosteriors(), "every association has a posterior");
    assertEquals(0, summary.missing(), "missing posteriors");
    assertEquals(0, summary.duplicates(), "duplicate posteriors (read_committed, exactly once)");
    assertEquals(0, summary.unexpected(), "posteriors for spectra outside every region");
    assertEquals(0, summary.errors(), "errors");
    assertEquals(0, summary.deadLetters(), "dead letters");

    JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    for (String key : SUMMARY_KEYS) {
      assertNotNull(json.get(key), "summary.json key " + key + ":\n" + json);
      assertTrue(json.get(key).isNumber(), "summary.json " + key + " is a number: " + json.get(key));
    }
    assertEquals(rate, json.get("rate").asDouble());
    assertEquals(rate, json.get("achieved_rate").asDouble(), 0.15 * rate, "achieved rate (a shared 2-core machine)");
    double p50 = json.get("p50_ms").asDouble();
    double p99 = json.get("p99_ms").asDouble();
    double p999 = json.get("p999_ms").asDouble();
    double max = json.get("max_ms").asDouble();
    assertTrue(0 < p50 && p50 <= p99 && p99 <= p999 && p999 <= max && max < 30_000,
        "ordered, positive latencies below the drain timeout: " + json);
    assertEquals(0, json.get("errors").asLong());
    assertEquals(0, json.get("dead_letters").asLong());
    assertTrue(progress.contains("] sent "), "a progress line per second:\n" + progress);
  }

  /** {@code java ... org.leain.cli.Leain}: what {@code ./leain} runs, on the test classpath. */
  private static List<String> realAppLauncher() {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:MaxDirectMemorySize=256m", "-Dai.djl.offline=true",
        "-Dai.djl.pytorch.num_threads=1", "-Dai.djl.pytorch.num_interop_threads=1",
        "-Dleain.root=" + RepositoryRoot.find(),
        "-cp", System.getProperty("java.class.path"), "org.leain.cli.Leain");
  }
}
