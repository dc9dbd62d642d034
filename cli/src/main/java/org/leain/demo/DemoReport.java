package org.leain.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.ParameterInfo;
import org.leain.validation.report.CornerPlot;

/**
 * The demo's end: a summary table (what was sent, what came back, latency per stage) printed and
 * written to {@code summary.txt}, and a corner plot per association from its latest posterior's
 * samples (the true parameters marked for simulated spectra).
 */
final class DemoReport {

  private DemoReport() {}

  /** The summary lines. */
  static List<String> summary(DemoScenario scenario, DemoWatcher watcher, Map<String, Integer> sentPerTopic,
      double secondsToFirstPosterior, double secondsFromJvmStartToFirstPosterior, double totalSeconds) {
    List<String> lines = new ArrayList<>();
    lines.add("Summary");
    sentPerTopic.forEach((topic, n) -> lines.add(String.format(Locale.ROOT, "  sent to %-28s %5d", topic, n)));
    lines.add(String.format(Locale.ROOT, "  %-36s %5d (expected associations: %d, all arrived: %s)",
        "posteriors received", watcher.received().size(), scenario.expectedAssociations().size(),
        watcher.associationsWithPosterior().containsAll(scenario.expectedAssociations()) ? "yes" : "NO"));
    lines.add(String.format(Locale.ROOT, "  %-36s %5d", "associations accepted", watcher.associationsAccepted().size()));
    lines.add(String.format(Locale.ROOT, "  %-36s %5d (posteriors) %d (associations)", "withdrawn (tombstones)",
        watcher.posteriorTombstones().size(), watcher.associationTombstones().size()));
    lines.add(String.format(Locale.ROOT, "  %-36s %5d (expected %d)", "dead letters", watcher.deadLetters().size(),
        scenario.deadLetters().size()));
    long outsideHits = scenario.unexpectedAssociations().stream().filter(watcher.associationsWithPosterior()::contains).count();
    lines.add(String.format(Locale.ROOT, "  %-36s %5d (expected 0)", "posteriors for outside spectra", outsideHits));
    lines.add(String.format(Locale.ROOT, "  %-36s %8.2f s", "demo start -> first posterior", secondsToFirstPosterior));
    lines.add(String.format(Locale.ROOT, "  %-36s %8.2f s", "JVM start -> first posterior", secondsFromJvmStartToFirstPosterior));
    lines.add(String.format(Locale.ROOT, "  %-36s %8.2f s", "demo total", totalSeconds));
    lines.add("Latency per stage (from the posteriors' timings; HdrHistogram)");
    lines.addAll(watcher.latency().table());
    return lines;
  }

  /** Writes {@code summary.txt} and one corner plot per association; returns the PNG paths. */
  static List<Path> write(Path outDir, List<String> summary, DemoScenario scenario, Map<String, DcbhPosterior> latest)
      throws IOException {
    Files.createDirectories(outDir);
    Files.write(outDir.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
    List<Path> plots = new ArrayList<>();
    for (DcbhPosterior posterior : latest.values()) {
      Path png = outDir.resolve("corner-" + posterior.getAssociationId().replaceAll("[^A-Za-z0-9._-]", "_") + ".png");
      writeCorner(png, posterior, scenario.truths().get(posterior.getSpectrumId()));
      plots.add(png);
    }
    return plots;
  }

  private static void writeCorner(Path png, DcbhPosterior p, Map<String, Double> truthByName) throws IOException {
    int d = p.getNParams();
    int n = p.getNSamples();
    double[][] samples = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        samples[i][j] = p.getSamples().get(i * d + j);
      }
    }
    List<String> names = new ArrayList<>();
    double[] lower = new double[d];
    double[] upper = new double[d];
    double[] truth = truthByName == null ? null : new double[d];
    for (int j = 0; j < d; j++) {
      ParameterInfo info = p.getParameters().get(j);
      names.add(info.getName());
      lower[j] = info.getPriorLow();
      upper[j] = info.getPriorHigh();
      if (truth != null) {
        truth[j] = truthByName.getOrDefault(info.getName(), Double.NaN);
      }
    }
    if (truth != null && java.util.Arrays.stream(truth).anyMatch(Double::isNaN)) {
      truth = null;
    }
    LinkedHashMap<String, double[][]> sets = new LinkedHashMap<>();
    // A short legend: a long one squeezes the first 220-pixel panel to nothing. The file name says which association.
    sets.put(p.getModel().getName(), samples);
    CornerPlot.write(png, sets, names, truth, lower, upper);
  }
}
