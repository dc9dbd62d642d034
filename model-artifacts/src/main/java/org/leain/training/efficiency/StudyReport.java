package org.leain.training.efficiency;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.leain.posterior.ModelManifest;
import org.leain.training.TrainingRun;

/**
 * Writes the study's report: results.json, results.md (one row per planned run, finished or not,
 * and the paired LEAIN - baseline difference per size) and nltp-vs-size.png. Every file is written
 * to a temporary name and moved into place, so two study processes sharing a folder never leave a
 * torn file.
 */
final class StudyReport {

  static final String JSON_FILE = "results.json";
  static final String TABLE_FILE = "results.md";
  static final String PLOT_FILE = "nltp-vs-size.png";
  static final String PER_EVENT_FILE = "held-out-nll.csv";

  /**
   * One planned run and what is known about it.
   *
   * @param run the planned cell
   * @param status "finished", "in progress (epoch k)" or "not started"
   * @param outcome the finished run's record, or null
   * @param nltp its NLTP on the held-out set, or null
   * @param negativeLogProbabilities per held-out event, or null
   * @param history the run's epochs so far (empty when not started)
   */
  record Row(StudyRun run, String status, RunOutcome outcome, MeanInterval nltp,
      double[] negativeLogProbabilities, List<TrainingRun.EpochRecord> history) {}

  /**
   * Both models' own-validation NLL after the same number of epochs (the same validation
   * simulations and noise for both at one size): the comparison at equal data passes rather than
   * equal wall time.
   */
  record EqualEpochs(int epoch, double leainNll, double baselineNll) {}

  /** The study's settings as the report states them. */
  record Settings(String command, int heldOut, long heldOutSeed, long trainingSeed, int batchSize,
      int patience, double validationFraction, String machine, String loadAverage) {}

  private StudyReport() {}

  static void write(Path dir, Settings settings, List<Row> rows, double level) throws IOException {
    Map<Integer, MeanInterval> paired = pairedDifferences(rows, level);
    Map<Integer, EqualEpochs> equal = equalEpochs(rows);
    writeJson(dir.resolve(JSON_FILE), settings, rows, paired, equal);
    writeAtomically(dir.resolve(TABLE_FILE), markdown(settings, rows, paired, equal));
    writePerEvent(dir.resolve(PER_EVENT_FILE), rows);
    writePlot(dir.resolve(PLOT_FILE), rows, settings.heldOut());
  }

  /** LEAIN minus baseline per size where both are finished: paired per-event differences. */
  static Map<Integer, MeanInterval> pairedDifferences(List<Row> rows, double level) {
    Map<Integer, MeanInterval> out = new TreeMap<>();
    for (Row a : rows) {
      if (!a.run().model().equals("leain") || a.negativeLogProbabilities() == null) {
        continue;
      }
      for (Row b : rows) {
        if (b.run().model().equals("baseline") && b.run().simulations() == a.run().simulations()
            && b.negativeLogProbabilities() != null) {
          double[] d = new double[a.negativeLogProbabilities().length];
          for (int i = 0; i < d.length; i++) {
            d[i] = a.negativeLogProbabilities()[i] - b.negativeLogProbabilities()[i];
          }
          out.put(a.run().simulations(), MeanInterval.of(d, level, 17L + a.run().simulations()));
        }
      }
    }
    return out;
  }

  /** Per size with both models finished: the last epoch both completed and their NLLs there. */
  static Map<Integer, EqualEpochs> equalEpochs(List<Row> rows) {
    Map<Integer, EqualEpochs> out = new TreeMap<>();
    for (Row a : rows) {
      if (!a.run().model().equals("leain") || a.outcome() == null) {
        continue;
      }
      for (Row b : rows) {
        if (b.run().model().equals("baseline") && b.run().simulations() == a.run().simulations()
            && b.outcome() != null) {
          int k = Math.min(a.history().size(), b.history().size());
          if (k > 0) {
            out.put(a.run().simulations(), new EqualEpochs(k, a.history().get(k - 1).validationNll(),
                b.history().get(k - 1).validationNll()));
          }
        }
      }
    }
    return out;
  }

  static String markdown(Settings s, List<Row> rows, Map<Integer, MeanInterval> paired,
      Map<Integer, EqualEpochs> equal) {
    StringBuilder md = new StringBuilder();
    md.append("# Data-efficiency study (issue #5)\n\n");
    md.append(String.format(Locale.ROOT, "NLTP = mean of -ln q(theta* | x) in nats over the same %d held-out "
        + "simulations (the `./leain validate --seed %d` test set), lower is better; "
        + "[90%% percentile-bootstrap interval]. Size = simulations per run (training seed %d, the same "
        + "simulations for both models), of which %.0f%% is the run's own validation split (early "
        + "stopping with patience %d). Batch %d.%n%n", s.heldOut(), s.heldOutSeed(), s.trainingSeed(),
        100 * s.validationFraction(), s.patience(), s.batchSize()));
    md.append("| size | model | epochs | wall time (min) | budget (min) | stopped because "
        + "| own validation NLL | NLTP [90% interval] |\n");
    md.append("|---:|---|---:|---:|---:|---|---:|---|\n");
    for (Row r : rows) {
      if (r.outcome() == null) {
        md.append(String.format(Locale.ROOT, "| %,d | %s | | | %.1f | %s | | |%n", r.run().simulations(),
            r.run().model(), r.run().budgetMinutes(), r.status()));
        continue;
      }
      RunOutcome o = r.outcome();
      md.append(String.format(Locale.ROOT, "| %,d | %s | %d | %.1f | %.1f | %s | %.3f | %s |%n", o.simulations(),
          o.model(), o.epochs(), o.wallSeconds() / 60, o.budgetMinutes(), o.stoppedBecause(),
          o.bestValidationNll(), r.nltp() == null ? "not evaluated" : format(r.nltp())));
    }
    if (!paired.isEmpty()) {
      md.append("\nPaired difference on the same held-out events (negative: LEAIN better):\n\n");
      md.append("| size | NLTP LEAIN - baseline [90% interval] | at equal epochs: epoch | own validation NLL "
          + "LEAIN / baseline |\n|---:|---|---:|---|\n");
      paired.forEach((size, d) -> {
        EqualEpochs e = equal.get(size);
        md.append(String.format(Locale.ROOT, "| %,d | %s | %s | %s |%n", size, format(d),
            e == null ? "" : String.valueOf(e.epoch()),
            e == null ? "" : String.format(Locale.ROOT, "%.3f / %.3f", e.leainNll(), e.baselineNll())));
      });
    }
    md.append(String.format(Locale.ROOT, "%nCommand: `%s`%n%nMachine: %s; load average when this report was "
        + "written: %s.%n", s.command(), s.machine(), s.loadAverage()));
    return md.toString();
  }

  static String format(MeanInterval m) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", m.mean(), m.lower(), m.upper());
  }

  private static void writeJson(Path file, Settings s, List<Row> rows, Map<Integer, MeanInterval> paired,
      Map<Integer, EqualEpochs> equal) throws IOException {
    ObjectNode root = ModelManifest.json().createObjectNode();
    root.set("settings", ModelManifest.json().valueToTree(s));
    ArrayNode runs = root.putArray("runs");
    for (Row r : rows) {
      ObjectNode n = runs.addObject();
      n.put("model", r.run().model());
      n.put("simulations", r.run().simulations());
      n.put("budgetMinutes", r.run().budgetMinutes());
      n.put("status", r.status());
      if (r.outcome() != null) {
        n.set("outcome", ModelManifest.json().valueToTree(r.outcome()));
        n.put("computeLimited", r.outcome().computeLimited());
      }
      if (r.nltp() != null) {
        n.set("nltp", ModelManifest.json().valueToTree(r.nltp()));
      }
    }
    ArrayNode diffs = root.putArray("leainMinusBaseline");
    paired.forEach((size, d) -> {
      ObjectNode n = diffs.addObject();
      n.put("simulations", size);
      n.set("nltpDifference", ModelManifest.json().valueToTree(d));
      if (equal.containsKey(size)) {
        n.set("equalEpochs", ModelManifest.json().valueToTree(equal.get(size)));
      }
    });
    writeAtomically(file, ModelManifest.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
  }

  private static void writePerEvent(Path file, List<Row> rows) throws IOException {
    List<Row> done = rows.stream().filter(r -> r.negativeLogProbabilities() != null).toList();
    if (done.isEmpty()) {
      return;
    }
    StringBuilder csv = new StringBuilder("event");
    done.forEach(r -> csv.append(',').append(r.run().directoryName()));
    csv.append('\n');
    int n = done.get(0).negativeLogProbabilities().length;
    for (int i = 0; i < n; i++) {
      csv.append(i);
      for (Row r : done) {
        csv.append(',').append(String.format(Locale.ROOT, "%.5f", r.negativeLogProbabilities()[i]));
      }
      csv.append('\n');
    }
    writeAtomically(file, csv.toString());
  }

  /** NLTP against size on a log axis, one series per model; bars: the larger half of the interval. */
  private static void writePlot(Path file, List<Row> rows, int heldOut) throws IOException {
    XYChart chart = new XYChartBuilder().width(800).height(500)
        .title("Data efficiency: NLTP on " + heldOut + " held-out simulations")
        .xAxisTitle("training simulations (log scale)").yAxisTitle("NLTP, nats (lower is better)").build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setErrorBarsColorSeriesColor(true);
    boolean any = false;
    for (String model : List.of("leain", "baseline")) {
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Double> bars = new ArrayList<>();
      for (Row r : rows) {
        if (r.run().model().equals(model) && r.nltp() != null) {
          MeanInterval m = r.nltp();
          x.add((double) r.run().simulations());
          y.add(m.mean());
          bars.add(Math.max(m.upper() - m.mean(), m.mean() - m.lower()));
        }
      }
      if (!x.isEmpty()) {
        chart.addSeries(model.equals("leain") ? "LEAIN" : "baseline", x, y, bars)
            .setMarker(SeriesMarkers.CIRCLE);
        any = true;
      }
    }
    if (!any) {
      return;
    }
    Path tmp = file.resolveSibling("." + ProcessHandle.current().pid() + "." + file.getFileName());
    String name = tmp.toString();
    BitmapEncoder.saveBitmap(chart, name.substring(0, name.length() - 4), BitmapEncoder.BitmapFormat.PNG);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path tmp = file.resolveSibling("." + ProcessHandle.current().pid() + "." + file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
