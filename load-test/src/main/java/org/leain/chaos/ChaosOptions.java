package org.leain.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One crash test.
 *
 * @param events spectra sent (each with exactly one expected output key)
 * @param kills SIGKILLs of the app, at random moments while the feed runs
 * @param brokerRestart whether the broker is closed and started again (same port and data) mid-feed
 * @param feedDuration how long the feed takes (the kills and the restart fall inside it)
 * @param seed the seed of the feed and of the kill times
 * @param launcher the command before {@code run} (e.g. {@code [./leain]})
 * @param appSettings settings written into the app's config file (application.id and state.dir added)
 * @param outputTopic the topic whose keys are checked (leain.posteriors)
 * @param settleTimeout how long to wait, after the feed, for the expected keys to arrive
 * @param workDir where the broker data, app state and logs go
 */
public record ChaosOptions(int events, int kills, boolean brokerRestart, Duration feedDuration, long seed,
    List<String> launcher, Map<String, String> appSettings, String outputTopic, Duration settleTimeout,
    Path workDir) {

  /** Recovery settings every run passes to the app (see the package documentation). */
  public static final Map<String, String> RECOVERY_SETTINGS = Map.of(
      "kafka.session.timeout.ms", "6000",
      "kafka.heartbeat.interval.ms", "1000",
      "kafka.transaction.timeout.ms", "10000");

  public ChaosOptions {
    if (events < 1) {
      throw new IllegalArgumentException("Expected at least 1 event. Actual: " + events);
    }
    if (kills < 0) {
      throw new IllegalArgumentException("Expected kills >= 0. Actual: " + kills);
    }
    if (launcher == null || launcher.isEmpty()) {
      throw new IllegalArgumentException("Expected a launcher command. Actual: " + launcher);
    }
    if (feedDuration.isNegative() || feedDuration.isZero()) {
      throw new IllegalArgumentException("Expected a positive feed duration. Actual: " + feedDuration);
    }
    appSettings = Map.copyOf(appSettings);
    launcher = List.copyOf(launcher);
  }
}
