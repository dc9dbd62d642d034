package org.leain.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one load test needs.
 *
 * @param rate target spectra per second
 * @param duration how long to send for, measured
 * @param warmup how long to send for before the measured duration (sent, counted, not recorded in
 *     the histograms: JIT compilation, first fetches, model warm-up)
 * @param spectraPerAlert K: consecutive inside spectra per alert
 * @param activeAlerts A: GW candidates sent before the spectra
 * @param skymapAreaDeg2 the 90% area of every mock skymap
 * @param outsideFraction fraction of spectra outside every region (no posterior expected)
 * @param instances stream-app instances (child processes)
 * @param bootstrapServers an existing cluster, or null to start the embedded broker
 * @param launcher the command before {@code run} that starts one app instance
 * @param appSettings extra app settings (e.g. commit.interval, stream.threads), written to its config file
 * @param outputDir where the summary, interval log, plot and app logs go
 * @param readyTimeout how long the app may take to become ready
 * @param drainTimeout how long to wait, after the last send, for the remaining posteriors
 * @param seed the feed's seed
 */
public record LoadTestOptions(
    double rate, Duration duration, Duration warmup, int spectraPerAlert, int activeAlerts, double skymapAreaDeg2,
    double outsideFraction, int instances, String bootstrapServers, List<String> launcher,
    Map<String, String> appSettings, Path outputDir, Duration readyTimeout, Duration drainTimeout, long seed) {

  public LoadTestOptions {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("Expected a positive rate (spectra/s). Actual: " + rate);
    }
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("Expected a positive duration. Actual: " + duration);
    }
    if (warmup == null || warmup.isNegative()) {
      throw new IllegalArgumentException("Expected a warm-up of zero or more. Actual: " + warmup);
    }
    if (instances < 1) {
      throw new IllegalArgumentException("Expected at least 1 instance. Actual: " + instances);
    }
    if (rate * duration.plus(warmup).toNanos() / 1e9 > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("Expected fewer than 2^31 spectra (rate x (warm-up + duration)). Actual: "
          + rate * duration.plus(warmup).toNanos() / 1e9);
    }
    launcher = List.copyOf(launcher);
    appSettings = Map.copyOf(appSettings);
    Objects.requireNonNull(outputDir, "Expected an output directory. Actual: null");
    Objects.requireNonNull(readyTimeout, "Expected a readiness timeout. Actual: null");
    Objects.requireNonNull(drainTimeout, "Expected a drain timeout. Actual: null");
  }

  /** The number of spectra sent: round(rate x (warm-up + duration)), at least 1. */
  public long spectra() {
    return Math.max(1, Math.round(rate * duration.plus(warmup).toNanos() / 1e9));
  }

  /** The number of warm-up spectra (the first ones): round(rate x warm-up). */
  public long warmupSpectra() {
    return Math.round(rate * warmup.toNanos() / 1e9);
  }
}
