package org.leain.validation.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A corner plot overlaying sample sets (e.g. MCMC and network draws of one event): 1-D marginal
 * histograms on the diagonal, pairwise scatter below it, the true parameters as a cross (PNG).
 */
public final class CornerPlot {

  private static final int PANEL = 220;
  private static final int BINS = 30;
  private static final int MAX_POINTS = 600;
  private static final Color[] COLOURS = {new Color(0, 0, 0, 90), new Color(220, 60, 30, 90), new Color(30, 90, 220, 90)};

  private CornerPlot() {}

  /**
   * @param sets name -> samples {@code [draw][parameter]}, at most three sets
   * @param truth the true parameters, or null
   * @param lower axis minimum per parameter (e.g. the prior box)
   * @param upper axis maximum per parameter
   */
  public static void write(Path png, LinkedHashMap<String, double[][]> sets, List<String> names, double[] truth,
      double[] lower, double[] upper) throws IOException {
    int d = names.size();
    BufferedImage image = new BufferedImage(d * PANEL, d * PANEL, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int row = 0; row < d; row++) {
      for (int col = 0; col <= row; col++) {
        XYChart chart = row == col ? marginal(sets, row, lower[row], upper[row], truth)
            : pair(sets, col, row, lower, upper, truth);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 8))
            .setAxisTitleFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 10));
        chart.getStyler().setLegendVisible(row == 0 && col == 0).setChartTitleVisible(false);
        chart.setXAxisTitle(names.get(col));
        chart.setYAxisTitle(row == col ? "density" : names.get(row));
        Graphics2D panel = (Graphics2D) g.create(col * PANEL, row * PANEL, PANEL, PANEL);
        chart.paint(panel, PANEL, PANEL);
        panel.dispose();
      }
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static XYChart marginal(Map<String, double[][]> sets, int j, double lo, double hi, double[] truth) {
    XYChart chart = new XYChartBuilder().width(PANEL).height(PANEL).build();
    chart.getStyler().setXAxisMin(lo).setXAxisMax(hi);
    double width = (hi - lo) / BINS;
    int c = 0;
    double peak = 0;
    for (Map.Entry<String, double[][]> set : sets.entrySet()) {
      double[] x = new double[BINS];
      double[] density = new double[BINS];
      for (double[] s : set.getValue()) {
        int b = (int) Math.floor((s[j] - lo) / width);
        if (b >= 0 && b < BINS) {
          density[b] += 1.0 / (set.getValue().length * width);
        }
      }
      for (int b = 0; b < BINS; b++) {
        x[b] = lo + (b + 0.5) * width;
        peak = Math.max(peak, density[b]);
      }
      XYSeries series = chart.addSeries(set.getKey(), x, density);
      series.setMarker(SeriesMarkers.NONE);
      series.setLineColor(opaque(COLOURS[c++ % COLOURS.length]));
    }
    if (truth != null) {
      XYSeries t = chart.addSeries("truth", new double[] {truth[j], truth[j]}, new double[] {0, peak});
      t.setMarker(SeriesMarkers.NONE);
      t.setLineColor(new Color(0, 150, 0));
    }
    return chart;
  }

  private static XYChart pair(Map<String, double[][]> sets, int jx, int jy, double[] lower, double[] upper,
      double[] truth) {
    XYChart chart = new XYChartBuilder().width(PANEL).height(PANEL).build();
    chart.getStyler().setXAxisMin(lower[jx]).setXAxisMax(upper[jx]).setYAxisMin(lower[jy]).setYAxisMax(upper[jy])
        .setMarkerSize(3);
    int c = 0;
    for (Map.Entry<String, double[][]> set : sets.entrySet()) {
      double[][] s = set.getValue();
      int n = Math.min(MAX_POINTS, s.length);
      double[] x = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        int k = (int) ((long) i * s.length / n);
        x[i] = s[k][jx];
        y[i] = s[k][jy];
      }
      XYSeries series = chart.addSeries(set.getKey(), x, y);
      series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setMarkerColor(COLOURS[c++ % COLOURS.length]);
    }
    if (truth != null) {
      XYSeries t = chart.addSeries("truth", new double[] {truth[jx]}, new double[] {truth[jy]});
      t.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      t.setMarker(SeriesMarkers.CROSS);
      t.setMarkerColor(new Color(0, 150, 0));
    }
    return chart;
  }

  private static Color opaque(Color c) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue());
  }
}
