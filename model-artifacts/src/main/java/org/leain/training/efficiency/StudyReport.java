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
   * One planned run (or a reference model) and what is known about it.
   *
   * @param run the planned cell
   * @param reference name of a reference model trained outside the study, or null for a study run
   * @param status "finished", "in progress (epoch k)", "not started" or "reference"
   * @param outcome the finished run's record, or null
   * @param nltp its NLTP on the held-out set, or null
   * @param negativeLogProbabilities per held-out event, or null
   * @param history the run's epochs so far (empty when not started or unknown)
   */
  record Row(StudyRun run, String reference, String status, RunOutcome outcome, MeanInterval nltp,
      double[] negativeLogProbabilities, List<TrainingRun.EpochRecord> history) {

    String label() {
      return reference == null ? run.model() : run.model() + " (" + reference + ")";
    }
  }

  /**
   * LEAIN against the baseline at one size: the paired NLTP difference on the same held-out events
   * and, when both histories are known, both models' own-validation NLL after the same number of
   * epochs (the same validation simulations and noise for both at one size), the comparison at
   * equal data passes rather than equal wall time.
   *
   * @param simulations the size
   * @param label the size as the table shows it (reference pairs are named)
   * @param difference NLTP(LEAIN) - NLTP(baseline) with its interval
   * @param epoch last epoch both completed (0 when unknown)
   * @param leainNll LEAIN's own-validation NLL at that epoch (NaN when unknown)
   * @param baselineNll the baseline's (NaN when unknown)
   */
  record Pair(int simulations, String label, MeanInterval difference, int epoch, double leainNll,
      double baselineNll) {}

  /** The study's settings as the report states them. */
  record Settings(String command, int heldOut, long heldOutSeed, long trainingSeed, int batchSize,
      int patience, double validationFraction, String machine, String loadAverage) {}

  private StudyReport() {}

  static void write(Path dir, Settings settings, List<Row> rows, double level) throws IOException {
    List<Pair> pairs = pairs(rows, level);
    writeJson(dir.resolve(JSON_FILE), settings, rows, pairs);
    writeAtomically(dir.resolve(TABLE_FILE), markdown(settings, rows, pairs));
    writePerEvent(dir.resolve(PER_EVENT_FILE), rows);
    writePlot(dir.resolve(PLOT_FILE), rows, settings.heldOut());
  }

  /** Every evaluated LEAIN row with an evaluated baseline row of the same size and kind (study or reference). */
  static List<Pair> pairs(List<Row> rows, double level) {
    List<Pair> out = new ArrayList<>();
    for (Row a : rows) {
      if (!a.run().model().equals("leain") || a.negativeLogProbabilities() == null) {
        continue;
      }
      for (Row b : rows) {
        if (!b.run().model().equals("baseline") || b.run().simulations() != a.run().simulations()
            || b.negativeLogProbabilities() == null || (a.reference() == null) != (b.reference() == null)) {
          continue;
        }
        double[] d = new double[a.negativeLogProbabilities().length];
        for (int i = 0; i < d.length; i++) {
          d[i] = a.negativeLogProbabilities()[i] - b.negativeLogProbabilities()[i];
        }
        MeanInterval difference = MeanInterval.of(d, level, 17L + a.run().simulations());
        String label = String.format(Locale.ROOT, "%,d", a.run().simulations())
            + (a.reference() == null ? "" : " (" + a.reference() + " / " + b.reference() + ")");
        int k = Math.min(a.history().size(), b.history().size());
        out.add(new Pair(a.run().simulations(), label, difference, k,
            k > 0 ? a.history().get(k - 1).validationNll() : Double.NaN,
            k > 0 ? b.history().get(k - 1).validationNll() : Double.NaN));
      }
    }
    return out;
  }

  static String markdown(Settings s, List<Row> rows, List<Pair> pairs) {
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
            r.label(), r.run().budgetMinutes(), r.status()));
        continue;
      }
      RunOutcome o = r.outcome();
      md.append(String.format(Locale.ROOT, "| %,d | %s | %d | %.1f | %.1f | %s | %.3f | %s |%n", o.simulations(),
          r.label(), o.epochs(), o.wallSeconds() / 60, o.budgetMinutes(), o.stoppedBecause(),
          o.bestValidationNll(), r.nltp() == null ? "not evaluated" : format(r.nltp())));
    }
    if (!pairs.isEmpty()) {
      md.append("\nPaired difference on the same held-out events (negative: LEAIN better), and both models' "
          + "own-validation NLL after the same number of epochs:\n\n");
      md.append("| size | NLTP LEAIN - baseline [90% interval] | equal epochs | own validation NLL "
          + "LEAIN / baseline |\n|---:|---|---:|---|\n");
      for (Pair p : pairs) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", p.label(), format(p.difference()),
            p.epoch() > 0 ? String.valueOf(p.epoch()) : "",
            p.epoch() > 0 ? String.format(Locale.ROOT, "%.3f / %.3f", p.leainNll(), p.baselineNll()) : ""));
      }
    }
    md.append(String.format(Locale.ROOT, "%nCommand: `%s`%n%nMachine: %s; load average when this report was "
        + "written: %s.%n", s.command(), s.machine(), s.loadAverage()));
    return md.toString();
  }

  static String format(MeanInterval m) {
    return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", m.mean(), m.lower(), m.upper());
  }

  private static void writeJson(Path file, Settings s, List<Row> rows, List<Pair> pairs) throws IOException {
    ObjectNode root = ModelManifest.json().createObjectNode();
    root.set("settings", ModelManifest.json().valueToTree(s));
    ArrayNode runs = root.putArray("runs");
    for (Row r : rows) {
      ObjectNode n = runs.addObject();
      n.put("model", r.run().model());
      if (r.reference() != null) {
        n.put("reference", r.reference());
      }
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
    root.set("leainMinusBaseline", ModelManifest.json().valueToTree(pairs));
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
    for (String series : List.of("leain", "baseline", "leain reference", "baseline reference")) {
      String model = series.split(" ")[0];
      boolean reference = series.endsWith("reference");
      String name = (model.equals("leain") ? "LEAIN" : "baseline");
      List<Double> x = new ArrayList<>();
      List<Double> y = new ArrayList<>();
      List<Double> bars = new ArrayList<>();
      for (Row r : rows) {
        if (r.run().model().equals(model) && r.nltp() != null && (r.reference() != null) == reference) {
          if (reference) {
            name = r.label() + String.format(Locale.ROOT, ", %.0f min", r.run().budgetMinutes());
          }
          MeanInterval m = r.nltp();
          x.add((double) r.run().simulations());
          y.add(m.mean());
          bars.add(Math.max(m.upper() - m.mean(), m.mean() - m.lower()));
        }
      }
      if (!x.isEmpty()) {
        chart.addSeries(name, x, y, bars).setMarker(reference ? SeriesMarkers.DIAMOND : SeriesMarkers.CIRCLE);
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
