package org.leain.load.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plot of a study: end-to-end p50, p99 and p99.9 of several load tests against one varied
 * quantity (rate, commit interval, number of alerts, ...), read from their {@code summary.json},
 * with horizontal target lines. Points of runs that lost posteriors (missing &gt; 0: the app fell
 * behind and the drain timed out) are circled: their percentiles cover only the posteriors that
 * arrived, so they are lower bounds.
 *
 * <p>Command line (no Python at run time), e.g.
 * {@code java -cp ... org.leain.load.measure.StudyPlot --title T --x-title "rate (spectra/s)"
 * --out sweep.png --target "p99 target=100" 250=sweep/250/summary.json 500=sweep/500/summary.json}
 */
public final class StudyPlot {

  /** One run: the varied quantity and its summary. */
  public record Point(double x, double p50Ms, double p99Ms, double p999Ms, long missing) {}

  private StudyPlot() {}

  public static void main(String[] args) throws IOException {
    String title = "LEAIN load study";
    String xTitle = "x";
    Path out = null;
    boolean logX = false;
    Map<String, Double> targets = new LinkedHashMap<>();
    List<Point> points = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--title" -> title = args[++i];
        case "--x-title" -> xTitle = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--log-x" -> logX = true;
        case "--target" -> {
          String[] target = split(args[++i]);
          targets.put(target[0], Double.parseDouble(target[1]));
        }
        default -> {
          String[] point = split(args[i]);
          JsonNode summary = json.readTree(Path.of(point[1]).toFile());
          points.add(new Point(Double.parseDouble(point[0]), summary.get("p50_ms").asDouble(Double.NaN),
              summary.get("p99_ms").asDouble(Double.NaN), summary.get("p999_ms").asDouble(Double.NaN),
              summary.get("missing").asLong()));
        }
      }
    }
    if (out == null || points.isEmpty()) {
      throw new IllegalArgumentException("Expected --out FILE.png and at least one X=summary.json. Actual: "
          + String.join(" ", args));
    }
    write(points, title, xTitle, logX, targets, out);
  }

  /** Writes the plot as a 1000 x 600 PNG; latency on a log axis. */
  public static void write(List<Point> points, String title, String xTitle, boolean logX,
      Map<String, Double> targetsMs, Path file) throws IOException {
    List<Point> sorted = points.stream().sorted((a, b) -> Double.compare(a.x(), b.x())).toList();
    XYChart chart = new XYChartBuilder().width(1000).height(600).title(title)
        .xAxisTitle(xTitle).yAxisTitle("end-to-end latency (ms, log scale)").build();
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setYAxisDecimalPattern("#,##0.#");
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(8);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    List<Double> x = sorted.stream().map(Point::x).toList();
    addLine(chart, "p50", x, sorted.stream().map(Point::p50Ms).toList(), new Color(0x1f77b4));
    addLine(chart, "p99", x, sorted.stream().map(Point::p99Ms).toList(), new Color(0xd62728));
    addLine(chart, "p99.9", x, sorted.stream().map(Point::p999Ms).toList(), new Color(0x9467bd));
    List<Point> lossy = sorted.stream().filter(p -> p.missing() > 0 && p.p99Ms() > 0).toList();
    if (!lossy.isEmpty()) {
      XYSeries s = chart.addSeries("posteriors missing: p99 is a lower bound",
          lossy.stream().map(Point::x).toList(), lossy.stream().map(Point::p99Ms).toList());
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setMarkerColor(Color.BLACK);
    }
    double xMin = x.get(0);
    double xMax = x.get(x.size() - 1);
    for (Map.Entry<String, Double> target : targetsMs.entrySet()) {
      XYSeries s = chart.addSeries(target.getKey(), List.of(xMin, xMax), List.of(target.getValue(), target.getValue()));
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.NONE);
      s.setLineColor(Color.GRAY);
      s.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
    }
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void addLine(XYChart chart, String name, List<Double> x, List<Double> yMs, Color color) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < x.size(); i++) {
      if (yMs.get(i) > 0) {
        xs.add(x.get(i));
        ys.add(yMs.get(i));
      }
    }
    if (!xs.isEmpty()) {
      XYSeries s = chart.addSeries(name, xs, ys);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.CIRCLE);
      s.setLineColor(color);
      s.setMarkerColor(color);
    }
  }

  private static String[] split(String pair) {
    int eq = pair.lastIndexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("Expected NAME=VALUE. Actual: " + pair);
    }
    return new String[] {pair.substring(0, eq), pair.substring(eq + 1)};
  }
}
