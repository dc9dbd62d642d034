package org.leain.validation.run;

import org.leain.validation.mcmc.McmcConfig;

/**
 * How much to measure.
 *
 * @param testEvents N for NLTP, coverage, TARP, SBC (>= 2,000 for the proposal's criteria)
 * @param mcmcEvents events (the first of the test set) that also get the MCMC gold standard, KL, C2ST, speed
 * @param drawsPerEvent posterior draws per test event (L + 1 must be a multiple of {@link #sbcBins()})
 * @param sbcBins SBC histogram bins
 * @param importanceSamples draws from q for the DINGO-IS evidence
 * @param mcmc the sampler settings
 * @param seed everything derives from it
 */
public record ValidationSettings(int testEvents, int mcmcEvents, int drawsPerEvent, int sbcBins,
    int importanceSamples, McmcConfig mcmc, long seed) {

  public ValidationSettings {
    if (testEvents < 10 || mcmcEvents < 0 || mcmcEvents > testEvents) {
      throw new IllegalArgumentException("Expected >= 10 test events and 0 <= MCMC events <= test events. Actual: "
          + testEvents + ", " + mcmcEvents);
    }
    if (drawsPerEvent < 20 || sbcBins < 2 || (drawsPerEvent + 1) % sbcBins != 0) {
      throw new IllegalArgumentException("Expected >= 20 draws per event with draws + 1 a multiple of the SBC bins. "
          + "Actual: " + drawsPerEvent + " draws, " + sbcBins + " bins");
    }
    if (importanceSamples < 100) {
      throw new IllegalArgumentException("Expected >= 100 importance samples. Actual: " + importanceSamples);
    }
  }

  /** 999 draws per event, 20 SBC bins, 20,000 importance samples. */
  public static ValidationSettings of(int testEvents, int mcmcEvents, McmcConfig mcmc, long seed) {
    return new ValidationSettings(testEvents, mcmcEvents, 999, 20, 20_000, mcmc, seed);
  }
}
