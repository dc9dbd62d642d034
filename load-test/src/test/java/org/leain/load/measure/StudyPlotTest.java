package org.leain.load.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class StudyPlotTest {

  private static Path summaryFile(Path dir, String name, double rate, long missing) throws Exception {
    LatencySummary endToEnd = new LatencySummary(100, rate / 10, rate / 5, rate / 4, rate / 2);
    LoadSummary summary = new LoadSummary(rate, rate, 10, 0, 1, 10, 100, 10, 1000, 100, 100 - missing, missing,
        0, 0, 0, 0, endToEnd, Map.of());
    Path file = dir.resolve(name);
    Files.writeString(file, Reports.json(summary));
    return file;
  }

  @Test
  @Timeout(60)
  void commandLine_readsSummaryFiles_andWritesAPngOfTheRequestedSize(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("sweep.png");
    StudyPlot.main(new String[] {"--title", "sweep", "--x-title", "rate (spectra/s)", "--out", out.toString(),
        "--target", "p99 target=100", "100=" + summaryFile(dir, "a.json", 100, 0),
        "1000=" + summaryFile(dir, "b.json", 1000, 0), "3000=" + summaryFile(dir, "c.json", 3000, 12)});
    BufferedImage image = ImageIO.read(out.toFile());
    assertNotNull(image);
    assertEquals(1000, image.getWidth());
    assertEquals(600, image.getHeight());
  }

  @Test
  void commandLine_withoutPoints_isRefusedWithTheExpectedForm(@TempDir Path dir) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StudyPlot.main(new String[] {"--out", dir.resolve("x.png").toString()}));
    assertEquals(true, e.getMessage().startsWith("Expected --out FILE.png and at least one X=summary.json."));
  }
}
