package org.leain.load.measure;

import java.util.Map;

/**
 * The outcome of one load test.
 *
 * @param rate the target rate, spectra per second
 * @param achievedRate spectra handed to the producer per second, from the first intended send time
 *     to the last send's return
 * @param durationS the measured duration, seconds
 * @param warmupS the warm-up before it, seconds (sent and counted, not in the latencies)
 * @param instances stream-app instances
 * @param activeAlerts active GW candidates
 * @param skymapAreaDeg2 their 90% area
 * @param spectraPerAlert consecutive spectra per alert
 * @param sent spectra sent successfully
 * @param expectedPosteriors posteriors the sent spectra must produce
 * @param receivedPosteriors distinct expected posteriors received
 * @param missing expected posteriors not received by the end of the drain
 * @param duplicates posteriors seen more than once
 * @param unexpected posteriors for pairs the feed did not expect
 * @param errors failed sends plus unreadable posteriors plus app instances that died
 * @param deadLetters records seen on the dead-letter topic during the run
 * @param endToEnd intended send time to visible posterior
 * @param stages per-stage latencies, in stage order
 */
public record LoadSummary(
    double rate, double achievedRate, double durationS, double warmupS, int instances, int activeAlerts,
    double skymapAreaDeg2, int spectraPerAlert, long sent, long expectedPosteriors,
    long receivedPosteriors, long missing, long duplicates, long unexpected, long errors,
    long deadLetters, LatencySummary endToEnd, Map<Stage, LatencySummary> stages) {

  public LoadSummary {
    stages = Map.copyOf(stages);
  }
}
