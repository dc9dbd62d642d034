package org.leain.load.measure;

import java.awt.Color;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency over the course of runs: the end-to-end p99 of each one-second interval of their
 * {@code latency.hlog} (HdrHistogram interval logs, microseconds), against seconds since the
 * first interval. It shows what a summary percentile hides: a p99 that climbs steadily is a backlog
 * (the app is slower than the rate), a flat one a steady state, a spike a pause.
 *
 * <p>Command line: {@code java -cp ... org.leain.load.measure.TimelinePlot --title T --out f.png
 * [--print-last 15] "100/s=sweep/100/latency.hlog" "250/s=sweep/250/latency.hlog"}; with
 * {@code --print-last S} it also prints each run's percentiles over its last S seconds.
 */
public final class TimelinePlot {

  /** One interval: seconds since the run's first interval, its p99 in ms and its count. */
  public record Interval(double startS, double p99Ms, long count) {}

  private TimelinePlot() {}

  public static void main(String[] args) throws IOException {
    String title = "LEAIN end-to-end p99 per second";
    Path out = null;
    double lastS = Double.NaN;
    Map<String, List<Interval>> runs = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--title" -> title = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        case "--print-last" -> lastS = Double.parseDouble(args[++i]);
        default -> {
          int eq = args[i].indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("Expected LABEL=latency.hlog. Actual: " + args[i]);
          }
          Path hlog = Path.of(args[i].substring(eq + 1));
          runs.put(args[i].substring(0, eq), read(hlog));
          if (!Double.isNaN(lastS)) {
            LatencySummary last = LatencySummary.of(lastSeconds(hlog, lastS));
            System.out.printf(java.util.Locale.ROOT, "%s: last %.0f s of the log: count %d, p50 %.1f ms, p99 %.1f ms,"
                + " p99.9 %.1f ms, max %.1f ms%n", args[i].substring(0, eq), lastS, last.count(), last.p50Ms(),
                last.p99Ms(), last.p999Ms(), last.maxMs());
          }
        }
      }
    }
    if (runs.isEmpty() || (out == null && Double.isNaN(lastS))) {
      throw new IllegalArgumentException("Expected --out FILE.png and at least one LABEL=latency.hlog. Actual: "
          + String.join(" ", args));
    }
    if (out != null) {
      write(runs, title, out);
    }
  }

  /**
   * The end-to-end values of the intervals starting within {@code seconds} of the last non-empty
   * one: the steady state of a run whose start was a backlog (microseconds).
   */
  public static Histogram lastSeconds(Path hlog, double seconds) throws FileNotFoundException {
    List<Histogram> all = new ArrayList<>();
    HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
    try {
      for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
        if (((Histogram) h).getTotalCount() > 0) {
          all.add((Histogram) h);
        }
      }
    } finally {
      reader.close();
    }
    Histogram sum = LatencyRecorder.newHistogram();
    if (all.isEmpty()) {
      return sum;
    }
    long lastStartMs = all.get(all.size() - 1).getStartTimeStamp();
    for (Histogram h : all) {
      if (h.getStartTimeStamp() >= lastStartMs - seconds * 1000.0) {
        sum.add(h);
      }
    }
    return sum;
  }

  /** The non-empty intervals of an interval log, in order. */
  public static List<Interval> read(Path hlog) throws FileNotFoundException {
    List<Interval> intervals = new ArrayList<>();
    HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
    try {
      Double firstStartS = null;
      for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
        Histogram histogram = (Histogram) h;
        if (firstStartS == null) {
          firstStartS = histogram.getStartTimeStamp() / 1000.0;
        }
        if (histogram.getTotalCount() > 0) {
          intervals.add(new Interval(histogram.getStartTimeStamp() / 1000.0 - firstStartS,
              histogram.getValueAtPercentile(99.0) / 1000.0, histogram.getTotalCount()));
        }
      }
    } finally {
      reader.close();
    }
    return intervals;
  }

  /** Writes a 1000 x 600 PNG, p99 on a log axis, one line per run. */
  public static void write(Map<String, List<Interval>> runs, String title, Path file) throws IOException {
    XYChart chart = new XYChartBuilder().width(1000).height(600).title(title)
        .xAxisTitle("seconds since the first interval of the log (about the start of sending; warm-up latencies are not recorded)")
        .yAxisTitle("p99 of the interval (ms)").build();
    // A log axis when the values span more than a decade; XChart labels a log axis only at powers
    // of ten, so a narrower range would show no labels at all.
    double min = runs.values().stream().flatMap(List::stream).mapToDouble(Interval::p99Ms).filter(v -> v > 0)
        .min().orElse(1.0);
    double max = runs.values().stream().flatMap(List::stream).mapToDouble(Interval::p99Ms).max().orElse(1.0);
    chart.getStyler().setYAxisLogarithmic(max > 10 * min);
    chart.getStyler().setYAxisDecimalPattern("#,##0.#");
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setSeriesColors(new Color[] {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)});
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
    for (Map.Entry<String, List<Interval>> run : runs.entrySet()) {
      List<Interval> intervals = run.getValue().stream().filter(i -> i.p99Ms() > 0).toList();
      if (intervals.isEmpty()) {
        continue;
      }
      XYSeries s = chart.addSeries(run.getKey(), intervals.stream().map(Interval::startS).toList(),
          intervals.stream().map(Interval::p99Ms).toList());
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      s.setMarker(SeriesMarkers.CIRCLE);
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no data", List.of(0.0, 1.0), List.of(1.0, 1.0));
    }
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }
}
