package org.leain.validation.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A coverage-versus-credibility chart with the diagonal, for the expected-coverage curve and for
 * TARP's ECP curve (PNG, XChart). Curves below the diagonal mean over-confidence.
 */
public final class CalibrationChart {

  private CalibrationChart() {}

  /**
   * Writes a PNG.
   *
   * @param curves name -> {levels, coverage}
   */
  public static void write(Path png, String title, String xTitle, Map<String, double[][]> curves) throws IOException {
    XYChart chart = new XYChartBuilder().width(640).height(600).title(title)
        .xAxisTitle(xTitle).yAxisTitle("empirical coverage").build();
    chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
    XYSeries diagonal = chart.addSeries("calibrated", new double[] {0, 1}, new double[] {0, 1});
    diagonal.setMarker(SeriesMarkers.NONE);
    diagonal.setLineColor(java.awt.Color.GRAY);
    for (Map.Entry<String, double[][]> c : curves.entrySet()) {
      XYSeries s = chart.addSeries(c.getKey(), c.getValue()[0], c.getValue()[1]);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
