package org.leain.validation.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.leain.validation.metrics.SbcRanks;

/**
 * SBC rank histograms, one panel per parameter, with the uniform expectation in the title
 * (PNG). A U shape means over-confidence, a hump under-confidence, a slope bias.
 */
public final class SbcChart {

  private static final int PANEL_WIDTH = 360;
  private static final int PANEL_HEIGHT = 280;

  private SbcChart() {}

  public static void write(Path png, SbcRanks sbc, List<String> parameterNames) throws IOException {
    int d = sbc.histograms().length;
    int columns = Math.min(4, d);
    int rows = (d + columns - 1) / columns;
    BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int j = 0; j < d; j++) {
      int[] h = sbc.histograms()[j];
      int total = 0;
      double[] bins = new double[h.length];
      double[] counts = new double[h.length];
      for (int b = 0; b < h.length; b++) {
        bins[b] = b + 1;
        counts[b] = h[b];
        total += h[b];
      }
      CategoryChart chart = new CategoryChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT)
          .title(String.format("%s (chi2 p = %.2g; uniform = %.0f)", parameterNames.get(j), sbc.pValue()[j],
              (double) total / h.length))
          .xAxisTitle("rank bin").yAxisTitle("events").build();
      chart.getStyler().setLegendVisible(false).setChartTitleFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
      chart.addSeries("ranks", bins, counts);
      Graphics2D panel = (Graphics2D) g.create((j % columns) * PANEL_WIDTH, (j / columns) * PANEL_HEIGHT,
          PANEL_WIDTH, PANEL_HEIGHT);
      chart.paint(panel, PANEL_WIDTH, PANEL_HEIGHT);
      panel.dispose();
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }
}
