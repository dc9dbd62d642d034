package org.leain.validation.mcmc;

import java.time.Duration;

/**
 * Settings of {@link EnsembleSampler}; start from {@link #defaults(int)} and adjust with the
 * {@code with...} methods.
 *
 * @param walkers walkers per temperature (even, >= 2 x dimension)
 * @param stretchScale the stretch-move scale a (Goodman and Weare: 2)
 * @param temperatures number of rungs of the parallel-tempering ladder (1 = no tempering)
 * @param hottestBeta inverse temperature of the hottest rung (ladder geometric from 1 down to it)
 * @param independentRuns independent runs (different start points and random streams), compared by R-hat
 * @param optimiserStarts prior draws refined by Nelder-Mead per run; the best one starts the walkers
 * @param tauMultiple required post-burn-in length in units of the largest tau (50)
 * @param burnInTaus burn-in discarded, in units of the largest tau (capped at half the chain)
 * @param maxStepsPerRun step cap per run
 * @param wallTimeCap wall-time cap for all runs together (shared equally)
 * @param rHatThreshold a larger split R-hat marks the result as not converged
 * @param parallel evaluate the proposals of a half-ensemble in parallel (results stay deterministic)
 */
public record McmcConfig(
    int walkers,
    double stretchScale,
    int temperatures,
    double hottestBeta,
    int independentRuns,
    int optimiserStarts,
    double tauMultiple,
    double burnInTaus,
    int maxStepsPerRun,
    Duration wallTimeCap,
    double rHatThreshold,
    boolean parallel) {

  public McmcConfig {
    if (walkers < 4 || walkers % 2 != 0) {
      throw new IllegalArgumentException("Expected an even number of walkers >= 4. Actual: " + walkers);
    }
    if (!(stretchScale > 1)) {
      throw new IllegalArgumentException("Expected stretch scale a > 1. Actual: " + stretchScale);
    }
    if (temperatures < 1 || !(hottestBeta > 0 && hottestBeta <= 1)) {
      throw new IllegalArgumentException("Expected >= 1 temperatures and hottest beta in (0, 1]. Actual: "
          + temperatures + ", " + hottestBeta);
    }
    if (independentRuns < 1 || optimiserStarts < 1 || maxStepsPerRun < 100) {
      throw new IllegalArgumentException("Expected >= 1 run, >= 1 optimiser start, >= 100 steps. Actual: "
          + independentRuns + ", " + optimiserStarts + ", " + maxStepsPerRun);
    }
    if (!(tauMultiple > 0 && burnInTaus >= 0 && rHatThreshold > 1)) {
      throw new IllegalArgumentException("Expected tau multiple > 0, burn-in >= 0, R-hat threshold > 1. Actual: "
          + tauMultiple + ", " + burnInTaus + ", " + rHatThreshold);
    }
    if (wallTimeCap.isNegative() || wallTimeCap.isZero()) {
      throw new IllegalArgumentException("Expected a positive wall-time cap. Actual: " + wallTimeCap);
    }
  }

  /**
   * The LEAIN gold-standard settings: a = 2, max(16, 4 d) walkers, one untempered run, 4 optimiser
   * starts, 50 tau after a 5-tau burn-in, at most 200,000 steps and 10 minutes, R-hat <= 1.01.
   */
  public static McmcConfig defaults(int dimension) {
    int walkers = Math.max(16, 4 * dimension);
    return new McmcConfig(walkers + walkers % 2, 2.0, 1, 0.01, 1, 4, 50, 5, 200_000,
        Duration.ofMinutes(10), 1.01, true);
  }

  /**
   * {@link #defaults(int)} with parallel tempering (8 rungs down to beta = 1e-3) and 16 optimiser
   * starts: for multimodal targets such as the DCBH likelihood, where an untempered ensemble started
   * at the best of 4 optima was seen to stay in a wrong (mass, mass-ratio) mode 80 sigma from the truth.
   */
  public static McmcConfig tempered(int dimension) {
    return defaults(dimension).withTempering(8, 1e-3).withRuns(1, 16);
  }

  public McmcConfig withWalkers(int n) {
    return new McmcConfig(n, stretchScale, temperatures, hottestBeta, independentRuns, optimiserStarts,
        tauMultiple, burnInTaus, maxStepsPerRun, wallTimeCap, rHatThreshold, parallel);
  }

  public McmcConfig withTempering(int n, double hottest) {
    return new McmcConfig(walkers, stretchScale, n, hottest, independentRuns, optimiserStarts,
        tauMultiple, burnInTaus, maxStepsPerRun, wallTimeCap, rHatThreshold, parallel);
  }

  public McmcConfig withRuns(int runs, int startsPerRun) {
    return new McmcConfig(walkers, stretchScale, temperatures, hottestBeta, runs, startsPerRun,
        tauMultiple, burnInTaus, maxStepsPerRun, wallTimeCap, rHatThreshold, parallel);
  }

  public McmcConfig withCaps(int maxSteps, Duration wallTime) {
    return new McmcConfig(walkers, stretchScale, temperatures, hottestBeta, independentRuns, optimiserStarts,
        tauMultiple, burnInTaus, maxSteps, wallTime, rHatThreshold, parallel);
  }

  public McmcConfig withParallel(boolean p) {
    return new McmcConfig(walkers, stretchScale, temperatures, hottestBeta, independentRuns, optimiserStarts,
        tauMultiple, burnInTaus, maxStepsPerRun, wallTimeCap, rHatThreshold, p);
  }

  /** The inverse temperatures of the ladder, geometric from 1 down to {@link #hottestBeta()}. */
  double[] betas() {
    double[] b = new double[temperatures];
    for (int t = 0; t < temperatures; t++) {
      b[t] = temperatures == 1 ? 1.0 : Math.pow(hottestBeta, t / (temperatures - 1.0));
    }
    return b;
  }
}
