package org.leain.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.load.measure.LoadSummary;
import org.leain.load.measure.Stage;

/**
 * The whole tool, for a few seconds at a low rate: real embedded broker (child JVM), the app as a
 * child process (the stand-in until {@code ./leain run} is on main), real Avro records both ways.
 */
class LoadTestEndToEndTest {

  @Test
  void shortRun_againstAChildProcessApp_receivesEveryExpectedPosterior_atTheTargetRate(@TempDir Path dir)
      throws Exception {
    double rate = 100.0;
    LoadTestOptions options = new LoadTestOptions(rate, Duration.ofSeconds(3), Duration.ofSeconds(1), 5, 4, 100.0, 0.2, 1, null,
        StandInStreamApp.launcher(), Map.of(), dir, Duration.ofSeconds(120), Duration.ofSeconds(60), 7L);
    ByteArrayOutputStream progressBytes = new ByteArrayOutputStream();
    LoadSummary summary = LoadTest.run(options, new PrintStream(progressBytes, true, StandardCharsets.UTF_8));
    String progress = progressBytes.toString(StandardCharsets.UTF_8);
    System.out.print(progress + org.leain.load.measure.Reports.table(summary));

    assertEquals(400, summary.sent(), progress);
    assertEquals(rate, summary.achievedRate(), 0.15 * rate, "achieved rate (a loaded 2-core machine)");
    assertEquals(0, summary.errors(), "errors");
    assertEquals(0, summary.deadLetters(), "dead letters");
    assertEquals(0, summary.missing(), "missing posteriors");
    assertEquals(0, summary.duplicates(), "duplicates");
    assertEquals(0, summary.unexpected(), "unexpected posteriors");
    // With 20% outside spectra (no posterior) and possibly several regions per inside spectrum.
    assertTrue(summary.expectedPosteriors() >= 250 && summary.expectedPosteriors() <= 400,
        "expected posteriors: " + summary.expectedPosteriors());
    // The first second is warm-up: received and counted, but not in the latencies.
    long measured = summary.endToEnd().count();
    assertTrue(measured > 0.6 * summary.expectedPosteriors() && measured < 0.9 * summary.expectedPosteriors(),
        "measured " + measured + " of " + summary.expectedPosteriors());
    assertEquals(measured, summary.stages().get(Stage.DELIVER).count());
    assertTrue(summary.endToEnd().p50Ms() > 0 && summary.endToEnd().maxMs() < 30_000, summary.endToEnd().toString());
    assertTrue(progress.contains("] sent "), "a progress line per second:\n" + progress);

    JsonNode json = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
    assertEquals(summary.expectedPosteriors(), json.get("received_posteriors").asLong());
    assertTrue(Files.size(dir.resolve("percentiles.png")) > 1000);
    long logged = 0;
    HistogramLogReader reader = new HistogramLogReader(dir.resolve("latency.hlog").toFile());
    for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
      logged += ((org.HdrHistogram.Histogram) h).getTotalCount();
    }
    reader.close();
    assertEquals(summary.endToEnd().count(), logged, "the interval log holds every value once");
  }
}
