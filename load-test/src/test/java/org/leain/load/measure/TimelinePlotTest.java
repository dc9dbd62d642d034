package org.leain.load.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TimelinePlotTest {

  /** Three one-second intervals starting at 0, 10 and 20 s, holding 100 values of 1, 2 and 3 ms. */
  private static Path threeIntervals(Path dir) throws Exception {
    Path file = dir.resolve("latency.hlog");
    long baseMs = 1_700_000_000_000L;
    try (PrintStream out = new PrintStream(file.toFile(), StandardCharsets.UTF_8)) {
      HistogramLogWriter writer = new HistogramLogWriter(out);
      writer.outputLogFormatVersion();
      writer.setBaseTime(baseMs);
      writer.outputStartTime(baseMs);
      writer.outputBaseTime(baseMs);
      writer.outputLegend();
      for (int i = 0; i < 3; i++) {
        Histogram h = LatencyRecorder.newHistogram();
        h.recordValueWithCount(1000L * (i + 1), 100);
        writer.outputIntervalHistogram(10.0 * i, 10.0 * i + 1, h, 1000.0);
      }
    }
    return file;
  }

  @Test
  void read_givesEachIntervalsStartAndP99_inMilliseconds(@TempDir Path dir) throws Exception {
    List<TimelinePlot.Interval> intervals = TimelinePlot.read(threeIntervals(dir));
    assertEquals(3, intervals.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(10.0 * i, intervals.get(i).startS(), 1e-6);
      assertEquals(i + 1.0, intervals.get(i).p99Ms(), 0.01);
      assertEquals(100, intervals.get(i).count());
    }
  }

  @Test
  void lastSeconds_keepsOnlyTheIntervalsStartingWithinThemOfTheLastOne(@TempDir Path dir) throws Exception {
    Histogram last15 = TimelinePlot.lastSeconds(threeIntervals(dir), 15.0);
    assertEquals(200, last15.getTotalCount());
    assertEquals(2000, last15.getMinValue(), 2);
    assertEquals(300, TimelinePlot.lastSeconds(threeIntervals(dir), 25.0).getTotalCount());
  }

  @Test
  @Timeout(60)
  void write_givesAPngOfTheRequestedSize(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("timeline.png");
    TimelinePlot.write(Map.of("run", TimelinePlot.read(threeIntervals(dir))), "t", out);
    BufferedImage image = ImageIO.read(out.toFile());
    assertNotNull(image);
    assertEquals(1000, image.getWidth());
    assertEquals(600, image.getHeight());
  }
}
