package org.leain.validation.mcmc;

/**
 * The outcome of {@link EnsembleSampler#run}.
 *
 * @param samples post-burn-in draws of the beta = 1 ensemble, thinned by {@code thin}, all runs pooled: {@code [draw][parameter]}
 * @param tauSteps integrated autocorrelation time per parameter, in steps (the largest over runs)
 * @param effectiveSampleSize per parameter: sum over runs of walkers x kept steps / tau
 * @param rHat rank-normalised split R-hat per parameter, each run one chain (NaN if too short)
 * @param acceptanceFraction mean stretch-move acceptance of the beta = 1 ensemble
 * @param swapAcceptanceFraction mean swap acceptance between adjacent temperatures (NaN untempered)
 * @param wallTimeSeconds wall time of the whole call, optimiser included
 * @param converged every run longer than the tau multiple, and max R-hat below the threshold
 * @param stopReason the worst stop reason over runs
 * @param walkers walkers per temperature
 * @param stepsPerRun steps of the longest run
 * @param burnInSteps burn-in of the longest run
 * @param thin thinning interval, in steps (ceil of the largest tau)
 * @param logDensityEvaluations all evaluations of the target, optimiser included
 */
public record McmcResult(
    double[][] samples,
    double[] tauSteps,
    double[] effectiveSampleSize,
    double[] rHat,
    double acceptanceFraction,
    double swapAcceptanceFraction,
    double wallTimeSeconds,
    boolean converged,
    StopReason stopReason,
    int walkers,
    int stepsPerRun,
    int burnInSteps,
    int thin,
    long logDensityEvaluations) {

  /** The smallest effective sample size over parameters. */
  public double minEffectiveSampleSize() {
    double m = Double.POSITIVE_INFINITY;
    for (double v : effectiveSampleSize) {
      m = Math.min(m, v);
    }
    return m;
  }

  /** The largest R-hat over parameters (NaN if any is NaN). */
  public double maxRhat() {
    double m = 1;
    for (double v : rHat) {
      m = Double.isNaN(v) ? Double.NaN : Math.max(m, v);
      if (Double.isNaN(m)) {
        return m;
      }
    }
    return m;
  }

  /** Wall time per effective sample (of the worst parameter), in seconds. */
  public double secondsPerEffectiveSample() {
    return wallTimeSeconds / minEffectiveSampleSize();
  }
}
