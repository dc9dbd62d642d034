package org.leain.load.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leain.contracts.PosteriorTimings;

class ReportsTest {

  /** 1..10,000 ms, each once: the p-th percentile is p% of 10,000 ms (analytic). */
  private static LatencyRecorder uniformOneToTenSeconds(PrintStream log) {
    LatencyRecorder recorder = new LatencyRecorder(log, 1_700_000_000_000L);
    for (int ms = 1; ms <= 10_000; ms++) {
      recorder.recordEndToEnd(ms * 1000L);
    }
    recorder.takeInterval();
    return recorder;
  }

  private static LoadSummary summary(LatencyRecorder recorder, Map<Stage, LatencySummary> stages) {
    return new LoadSummary(1000, 998.04, 10, 0, 1, 100, 30, 10, 10_000, 10_000, 10_000, 0, 0, 0, 0, 0,
        LatencySummary.of(recorder.endToEnd()), stages);
  }

  @Test
  void jsonSummary_hasTheIssuesFields_withPercentilesOfTheRecordedValues() throws Exception {
    LatencyRecorder recorder = uniformOneToTenSeconds(null);
    Map<Stage, LatencySummary> stages = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      stages.put(stage, LatencySummary.of(recorder.stage(stage)));
    }
    JsonNode json = new ObjectMapper().readTree(Reports.json(summary(recorder, stages)));
    for (String field : new String[] {"rate", "achieved_rate", "p50_ms", "p99_ms", "p999_ms", "max_ms", "errors",
        "dead_letters", "stages"}) {
      assertTrue(json.has(field), field);
    }
    assertEquals(1000.0, json.get("rate").asDouble());
    assertEquals(998.0, json.get("achieved_rate").asDouble());
    // HdrHistogram keeps 3 significant digits: within 0.1%.
    assertEquals(5000.0, json.get("p50_ms").asDouble(), 5.0);
    assertEquals(9900.0, json.get("p99_ms").asDouble(), 10.0);
    assertEquals(9990.0, json.get("p999_ms").asDouble(), 10.0);
    assertEquals(10000.0, json.get("max_ms").asDouble(), 10.0);
    JsonNode inference = json.get("stages").get("inference");
    assertEquals(0, inference.get("count").asLong());
    assertTrue(inference.get("p99_ms").isNull(), "an empty stage has null percentiles, never NaN");
    assertFalse(Reports.json(summary(recorder, stages)).contains("NaN"));
  }

  @Test
  void stages_areTheDifferencesOfThePosteriorTimestamps() {
    LatencyRecorder recorder = new LatencyRecorder(null, 0);
    // intended 1000; ingested 1003; gw ingested 10; joined 1010; inference 1012-1017; emitted 1018; seen 1050
    recorder.recordStages(new PosteriorTimings(10L, 1003L, 1010L, 1012L, 1017L, 1018L), 1000, 1050);
    long[] expectedMs = {3, 7, 2, 5, 1, 32};
    for (Stage stage : Stage.values()) {
      assertEquals(expectedMs[stage.ordinal()] * 1000, recorder.stage(stage).getMaxValue(),
          recorder.stage(stage).getMaxValue() / 1000, stage.name());
    }
  }

  @Test
  void table_listsEndToEndAndEveryStage() {
    LatencyRecorder recorder = uniformOneToTenSeconds(null);
    Map<Stage, LatencySummary> stages = new EnumMap<>(Stage.class);
    stages.put(Stage.INFERENCE, new LatencySummary(3, 1.0, 2.0, 2.0, 2.0));
    String table = Reports.table(summary(recorder, stages));
    assertTrue(table.contains("end-to-end"), table);
    assertTrue(table.lines().anyMatch(l -> l.startsWith("inference") && l.contains("2.0")), table);
    assertTrue(table.contains("achieved 998.0/s"), table);
  }

  @Test
  void intervalLog_isReadableByHdrHistogramsReader_withEveryValueOnce(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latency.hlog");
    try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.UTF_8)) {
      LatencyRecorder recorder = new LatencyRecorder(out, 1_700_000_000_000L);
      for (int interval = 0; interval < 3; interval++) {
        for (int i = 0; i < 100; i++) {
          recorder.recordEndToEnd(1000L * (interval + 1));
        }
        recorder.takeInterval();
      }
    }
    HistogramLogReader reader = new HistogramLogReader(file.toFile());
    long total = 0;
    int intervals = 0;
    for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; intervals++) {
      Histogram histogram = (Histogram) h;
      total += histogram.getTotalCount();
      assertEquals(1000L * (intervals + 1), histogram.getMaxValue(), 1.0);
    }
    reader.close();
    assertEquals(3, intervals);
    assertEquals(300, total);
  }

  @Test
  @Timeout(60)
  void percentilePlot_writesAPngOfTheRequestedSize(@TempDir Path dir) throws Exception {
    LatencyRecorder recorder = uniformOneToTenSeconds(null);
    Map<String, Histogram> series = new LinkedHashMap<>();
    series.put("end-to-end", recorder.endToEnd());
    series.put("empty stage", LatencyRecorder.newHistogram());
    Path file = dir.resolve("percentiles.png");
    Reports.percentilePlot(series, "test", file);
    BufferedImage image = ImageIO.read(file.toFile());
    assertNotNull(image);
    assertEquals(1000, image.getWidth());
    assertEquals(600, image.getHeight());
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"0; 0%", "1; 90%", "2; 99%", "3; 99.9%", "4; 99.99%", "0.30103; 50%"})
  void percentileAxis_labelsDecadesAsHdrHistogramsPlotterDoes(double x, String label) {
    assertEquals(label, Reports.percentileLabel(x));
  }

  @Test
  void progressHistogram_isTheLastIntervalOnly() {
    LatencyRecorder recorder = new LatencyRecorder(new PrintStream(new ByteArrayOutputStream()), 0);
    recorder.recordEndToEnd(500_000);
    recorder.takeInterval();
    recorder.recordEndToEnd(1_000);
    Histogram second = recorder.takeInterval();
    assertEquals(1, second.getTotalCount());
    assertEquals(2, recorder.endToEnd().getTotalCount());
  }
}
