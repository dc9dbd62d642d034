package org.leain.load.measure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/**
 * The three renderings of a {@link LoadSummary}: a text table for people, a JSON object for
 * scripts (numbers in milliseconds; an empty histogram's percentiles are null, never NaN), and a
 * percentile-distribution PNG in the style of HdrHistogram's plotter (x = log10(1 / (1 - percentile)),
 * labelled 90%, 99%, 99.9%, ...; y = latency in ms on a log axis).
 */
public final class Reports {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Percentiles are sampled at ticks halving the distance to 100% this many times per half. */
  private static final int PERCENTILE_TICKS_PER_HALF = 5;
  /** One distinct colour per series (XChart's default palette repeats yellow for two stages). */
  private static final Color[] SERIES_COLORS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
      new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

  private Reports() {}

  /** The JSON summary as a map (stable key order), NaN as null. */
  public static Map<String, Object> jsonMap(LoadSummary s) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("rate", s.rate());
    root.put("achieved_rate", round(s.achievedRate()));
    root.put("duration_s", s.durationS());
    root.put("warmup_s", s.warmupS());
    root.put("instances", s.instances());
    root.put("active_alerts", s.activeAlerts());
    root.put("skymap_area_deg2", s.skymapAreaDeg2());
    root.put("spectra_per_alert", s.spectraPerAlert());
    root.put("sent", s.sent());
    root.put("expected_posteriors", s.expectedPosteriors());
    root.put("received_posteriors", s.receivedPosteriors());
    root.put("missing", s.missing());
    root.put("duplicates", s.duplicates());
    root.put("unexpected", s.unexpected());
    root.put("errors", s.errors());
    root.put("dead_letters", s.deadLetters());
    root.put("count", s.endToEnd().count());
    putPercentiles(root, s.endToEnd());
    Map<String, Object> stages = new LinkedHashMap<>();
    for (Stage stage : Stage.values()) {
      LatencySummary summary = s.stages().get(stage);
      if (summary != null) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("description", stage.description());
        one.put("count", summary.count());
        putPercentiles(one, summary);
        stages.put(stage.key(), one);
      }
    }
    root.put("stages", stages);
    return root;
  }

  /** The JSON summary as text. */
  public static String json(LoadSummary summary) {
    try {
      return JSON.writeValueAsString(jsonMap(summary));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the JSON summary", e);
    }
  }

  /** The summary as an aligned text table. */
  public static String table(LoadSummary s) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "rate %.0f/s (achieved %.1f/s) for %.0f s, %d instance(s), %d alerts of %.0f deg^2, %d spectra/alert%n",
        s.rate(), s.achievedRate(), s.durationS(), s.instances(), s.activeAlerts(), s.skymapAreaDeg2(),
        s.spectraPerAlert()));
    out.append(String.format(Locale.ROOT,
        "sent %d, posteriors %d of %d expected (missing %d, duplicates %d, unexpected %d), errors %d, dead letters %d%n",
        s.sent(), s.receivedPosteriors(), s.expectedPosteriors(), s.missing(), s.duplicates(),
        s.unexpected(), s.errors(), s.deadLetters()));
    out.append(String.format(Locale.ROOT, "%-10s %8s %10s %10s %10s %10s  %s%n",
        "stage", "count", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "from -> to"));
    out.append(row("end-to-end", s.endToEnd(), "intended send -> visible posterior"));
    for (Stage stage : Stage.values()) {
      LatencySummary summary = s.stages().get(stage);
      if (summary != null) {
        out.append(row(stage.key(), summary, stage.description()));
      }
    }
    return out.toString();
  }

  /**
   * Writes the percentile distribution of each named histogram (microseconds) as a PNG.
   *
   * @param file the PNG file (".png" is added by XChart when missing)
   */
  public static void percentilePlot(Map<String, Histogram> series, String title, Path file) throws IOException {
    XYChart chart = new XYChartBuilder().width(1000).height(600).title(title)
        .xAxisTitle("percentile").yAxisTitle("latency (ms, log scale)").build();
    // The x axis is log10(1 / (1 - p)), drawn linearly with percentile labels: XChart's own log axis
    // ignores a label function, so the logarithm is taken here.
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setMarkerSize(0);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    // Stages span 1 ms to seconds: only a log axis shows them beside the end-to-end latency. Zero
    // values (a stage below the 1 ms timestamp resolution) have no place on it and are left out.
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setYAxisDecimalPattern("#,##0.#");
    chart.getStyler().setSeriesColors(SERIES_COLORS);
    // Labels at the decades only (90%, 99%, 99.9%), as HdrHistogram's plotter draws them.
    chart.getStyler().setxAxisTickLabelsFormattingFunction(
        x -> Math.abs(x - Math.rint(x)) < 1e-6 ? percentileLabel(Math.rint(x)) : "");
    List<String> notDrawn = new ArrayList<>();
    for (Map.Entry<String, Histogram> entry : series.entrySet()) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      Histogram histogram = entry.getValue();
      if (histogram.getTotalCount() == 0) {
        continue;
      }
      for (HistogramIterationValue v : histogram.percentiles(PERCENTILE_TICKS_PER_HALF)) {
        double fraction = v.getPercentileLevelIteratedTo() / 100.0;
        if (fraction >= 1.0) {
          break; // 1/(1-p) is infinite at 100%
        }
        if (v.getValueIteratedTo() > 0) {
          x.add(Math.log10(1.0 / (1.0 - fraction)));
          y.add(v.getValueIteratedTo() / 1000.0);
        }
      }
      if (!x.isEmpty()) {
        XYSeries s = chart.addSeries(entry.getKey(), x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      } else {
        notDrawn.add(entry.getKey());
      }
    }
    if (!notDrawn.isEmpty()) {
      chart.setTitle(title + " (all 0 ms, not drawn: " + String.join(", ", notDrawn) + ")");
    }
    if (chart.getSeriesMap().isEmpty()) {
      chart.addSeries("no data", List.of(0.0, 1.0), List.of(1.0, 1.0));
    }
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
  }

  /** The label at x = log10(1 / (1 - p)): 0 -> "0%", 1 -> "90%", 2 -> "99%", 3 -> "99.9%", ... */
  static String percentileLabel(double x) {
    if (x < 0.0) {
      return "";
    }
    double percent = 100.0 * (1.0 - Math.pow(10.0, -x));
    int decimals = Math.max(0, (int) Math.ceil(x - 1e-9) - 2);
    return String.format(Locale.ROOT, "%." + decimals + "f%%", percent);
  }

  private static String row(String name, LatencySummary s, String description) {
    return String.format(Locale.ROOT, "%-10s %8d %10s %10s %10s %10s  %s%n", name, s.count(),
        ms(s.p50Ms()), ms(s.p99Ms()), ms(s.p999Ms()), ms(s.maxMs()), description);
  }

  private static String ms(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
  }

  private static void putPercentiles(Map<String, Object> map, LatencySummary s) {
    map.put("p50_ms", nullIfNaN(s.p50Ms()));
    map.put("p99_ms", nullIfNaN(s.p99Ms()));
    map.put("p999_ms", nullIfNaN(s.p999Ms()));
    map.put("max_ms", nullIfNaN(s.maxMs()));
  }

  private static Double nullIfNaN(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static double round(double value) {
    return Math.round(value * 10.0) / 10.0;
  }
}
