package org.leain.load.feed;

/**
 * What a load test sends.
 *
 * @param runTag a short tag made of [A-Za-z0-9] that makes this run's ids unique (1-16 characters)
 * @param activeAlerts how many GW candidates are active (sent before the spectra), at least 1
 * @param skymapAreaDeg2 the 90% credible area of every mock skymap, deg^2
 * @param spectraPerAlert how many consecutive inside spectra go to one alert before the next, at least 1
 * @param outsideFraction the fraction of spectra placed outside every region, in [0, 1)
 * @param seed the seed of every random choice
 */
public record FeedSpec(
    String runTag, int activeAlerts, double skymapAreaDeg2, int spectraPerAlert, double outsideFraction,
    long seed) {

  public FeedSpec {
    if (runTag == null || !runTag.matches("[A-Za-z0-9]{1,16}")) {
      throw new IllegalArgumentException("Expected a run tag of 1-16 characters [A-Za-z0-9]. Actual: " + runTag);
    }
    if (activeAlerts < 1 || activeAlerts > 10_000) {
      throw new IllegalArgumentException("Expected 1-10000 active alerts. Actual: " + activeAlerts);
    }
    if (spectraPerAlert < 1) {
      throw new IllegalArgumentException("Expected at least 1 spectrum per alert. Actual: " + spectraPerAlert);
    }
    if (!(outsideFraction >= 0.0 && outsideFraction < 1.0)) {
      throw new IllegalArgumentException("Expected an outside fraction in [0, 1). Actual: " + outsideFraction);
    }
  }
}
