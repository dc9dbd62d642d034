package org.leain.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leain chaos}: the crash test of the stream app (see the package documentation). */
@Command(
    name = "chaos",
    mixinStandardHelpOptions = true,
    description = {
        "Crash test: starts a broker (kept data directory) and the stream app",
        "as a child process ('./leain run'), sends a known feed, SIGKILLs the",
        "app K times at random moments and restarts it (--broker-restart also",
        "closes and restarts the broker on the same port), then checks with a",
        "read_committed consumer that every expected posterior arrived exactly",
        "once. Exit status 0 when lost = duplicated = 0, 1 otherwise, 2 if the",
        "run failed."})
public final class ChaosCommand implements Callable<Integer> {

  @Option(names = "--events", defaultValue = "500", description = "Spectra to send (default ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--kills", defaultValue = "3", description = "SIGKILLs of the app (default ${DEFAULT-VALUE}).")
  int kills;

  @Option(names = "--broker-restart", description = "Also close and restart the broker mid-feed.")
  boolean brokerRestart;

  @Option(names = "--feed-seconds", defaultValue = "30", description = "Duration of the feed (default ${DEFAULT-VALUE}).")
  int feedSeconds;

  @Option(names = "--settle-seconds", defaultValue = "180",
      description = "How long to wait for the expected posteriors after the feed (default ${DEFAULT-VALUE}).")
  int settleSeconds;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the feed and kill times (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--output-topic", defaultValue = "leain.posteriors", description = "Topic checked (default ${DEFAULT-VALUE}).")
  String outputTopic;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "An app setting (repeatable), e.g. model.dir=DIR.")
  List<String> settings = new ArrayList<>();

  @Option(names = "--work-dir", description = "Broker data, app state and logs (default: a new temporary directory).")
  Path workDir;

  @Option(names = "--json", description = "Print the result as one JSON object.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Map<String, String> appSettings = new LinkedHashMap<>();
    for (String s : settings) {
      int eq = s.indexOf('=');
      if (eq <= 0) {
        System.err.println("leain chaos: expected --set KEY=VALUE. Actual: " + s);
        return 2;
      }
      appSettings.put(s.substring(0, eq), s.substring(eq + 1));
    }
    Path dir = workDir != null ? Files.createDirectories(workDir) : ChaosRun.defaultWorkDir();
    ChaosOptions options = new ChaosOptions(events, kills, brokerRestart, Duration.ofSeconds(feedSeconds), seed,
        List.of(repositoryRoot().resolve("leain").toString()), appSettings, outputTopic,
        Duration.ofSeconds(settleSeconds), dir);
    ChaosResult result;
    try {
      result = ChaosRun.run(options);
    } catch (Exception e) {
      System.err.println("leain chaos: the run failed: " + e.getMessage() + " (logs in " + dir + ")");
      return 2;
    }
    if (json) {
      System.out.println(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .writeValueAsString(result));
    } else {
      System.out.printf("expected %d, received %d, lost %d, duplicated %d, unexpected %d; kills %d, broker restarts %d;"
          + " recovery ms %s; feed resent %d, undelivered %d; wall %d ms (logs in %s)%n", result.expected(),
          result.received(), result.lost(), result.duplicated(), result.unexpected(), result.kills(),
          result.brokerRestarts(), result.recoveryMs(), result.feedResent(), result.feedUndelivered(),
          result.wallTimeMs(), dir);
    }
    return result.exactlyOnce() ? 0 : 1;
  }

  private static Path repositoryRoot() {
    String property = System.getProperty("leain.root");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("data")) && Files.isRegularFile(d.resolve("leain"))) {
        return d;
      }
    }
    throw new IllegalStateException("Expected the repository root (with data/ and leain). Actual: none; set -Dleain.root");
  }
}
