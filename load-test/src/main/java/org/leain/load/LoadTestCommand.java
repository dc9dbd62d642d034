package org.leain.load;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.leain.load.measure.LoadSummary;
import org.leain.load.measure.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** {@code leain loadtest}: a constant-rate open-loop load test of the stream app. */
@Command(
    name = "loadtest",
    mixinStandardHelpOptions = true,
    description = {
        "Load test of the stream app: starts it as child processes ('./leain run'),",
        "sends GW candidates, then spectra at a constant rate (open loop), and measures",
        "end-to-end latency from each spectrum's intended send time to its posterior",
        "being visible to a read_committed consumer (HdrHistogram), plus stage latencies.",
        "Writes summary.json, summary.txt, latency.hlog (HdrHistogram interval log) and",
        "percentiles.png to the output directory; a progress line per second on stderr.",
        "Exit status 1 if a posterior is missing, duplicated or unexpected, or on errors;",
        "2 if the test could not run (e.g. the app did not start)."})
public final class LoadTestCommand implements Callable<Integer> {

  @Option(names = "--rate", required = true, description = "Spectra per second (target).")
  double rate;

  @Option(names = "--duration", required = true, converter = DurationConverter.class,
      description = "How long to send: e.g. 30s, 2m, 500ms (a bare number is seconds).")
  Duration duration;

  @Option(names = "--warmup", defaultValue = "0s", converter = DurationConverter.class,
      description = "Send at the rate for this long first, without recording latencies (default ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--spectra-per-alert", defaultValue = "10",
      description = "K: consecutive inside spectra per alert (default ${DEFAULT-VALUE}).")
  int spectraPerAlert;

  @Option(names = "--active-alerts", defaultValue = "10",
      description = "A: active GW candidates (default ${DEFAULT-VALUE}).")
  int activeAlerts;

  @Option(names = "--skymap-area", defaultValue = "100",
      description = "90%% area of each mock skymap, deg^2 (default ${DEFAULT-VALUE}).")
  double skymapAreaDeg2;

  @Option(names = "--outside-fraction", defaultValue = "0.1",
      description = "Fraction of spectra outside every region: no posterior (default ${DEFAULT-VALUE}).")
  double outsideFraction;

  @Option(names = "--instances", defaultValue = "1", description = "Stream-app instances (default ${DEFAULT-VALUE}).")
  int instances;

  @Option(names = "--bootstrap-servers",
      description = "An existing cluster; default: start the embedded broker.")
  String bootstrapServers;

  @Option(names = "--app-setting", description = "An app setting KEY=VALUE for its config file (repeatable), "
      + "e.g. commit.interval=50ms, stream.threads=2, topics.partitions=4.")
  Map<String, String> appSettings = new LinkedHashMap<>();

  @Option(names = "--launcher", description = "The command that starts one app instance when followed by "
      + "'run ...' (space-separated; default: the repository's ./leain).")
  String launcher;

  @Option(names = "--output-dir", description = "Where reports go (default: target/loadtest/<time>).")
  Path outputDir;

  @Option(names = "--drain-timeout", defaultValue = "30s", converter = DurationConverter.class,
      description = "Wait after the last send for outstanding posteriors (default ${DEFAULT-VALUE}).")
  Duration drainTimeout;

  @Option(names = "--ready-timeout", defaultValue = "180s", converter = DurationConverter.class,
      description = "Wait for the app to be ready (default ${DEFAULT-VALUE}).")
  Duration readyTimeout;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the feed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print the JSON summary on stdout instead of the table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    // Kafka clients log every config at INFO; keep stderr for the progress lines.
    if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
    }
    Path dir = outputDir != null ? outputDir : Path.of("target", "loadtest",
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)));
    List<String> launcherCommand = launcher == null || launcher.isBlank()
        ? LoadTest.repositoryLauncher()
        : Arrays.asList(launcher.trim().split("\\s+"));
    LoadSummary summary;
    try {
      LoadTestOptions options = new LoadTestOptions(rate, duration, warmup, spectraPerAlert, activeAlerts,
          skymapAreaDeg2, outsideFraction, instances, bootstrapServers, launcherCommand, appSettings, dir,
          readyTimeout, drainTimeout, seed);
      summary = LoadTest.run(options, System.err);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("loadtest: " + e.getMessage());
      return 2;
    }
    System.out.print(json ? Reports.json(summary) + System.lineSeparator() : Reports.table(summary));
    System.err.println("loadtest: reports in " + dir.toAbsolutePath());
    boolean clean = summary.missing() == 0 && summary.errors() == 0 && summary.duplicates() == 0
        && summary.unexpected() == 0;
    return clean ? 0 : 1;
  }

  /** "30s", "2m", "500ms", "1h", or a bare number of seconds. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      String v = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (v.endsWith("ms")) {
          return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
        }
        double amount = Double.parseDouble(v.replaceAll("[smh]$", ""));
        double seconds = switch (v.charAt(v.length() - 1)) {
          case 'm' -> amount * 60;
          case 'h' -> amount * 3600;
          default -> amount;
        };
        return Duration.ofNanos(Math.round(seconds * 1e9));
      } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
        throw new IllegalArgumentException("Expected a duration like 30s, 2m, 500ms. Actual: " + value);
      }
    }
  }
}
