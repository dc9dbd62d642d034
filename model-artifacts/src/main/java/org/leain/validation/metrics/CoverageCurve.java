package org.leain.validation.metrics;

import java.util.List;

/**
 * The joint expected-coverage curve in theta-space: for each event, the credibility f of the
 * highest-density region whose boundary passes through theta* is estimated as the fraction of
 * posterior draws with log q(draw) > log q(theta*); theta* is covered at level alpha when f < alpha.
 * A calibrated model covers a fraction alpha of events at every level (the diagonal); an
 * over-confident one falls below it, an under-confident one lies above (Hermans et al. 2022,
 * "A trust crisis in simulation-based inference?"). Densities are in theta-space, so the ranking
 * is that of the true HPD regions, not of an internal parameterisation.
 *
 * @param levels credibility levels alpha
 * @param coverage fraction of events covered at each level
 * @param maxAbsDeviation max over levels of |coverage - alpha|
 * @param events N
 */
public record CoverageCurve(double[] levels, double[] coverage, double maxAbsDeviation, int events) {

  /** The levels 0.05, 0.10, ..., 0.95 used in LEAIN's reports. */
  public static double[] standardLevels() {
    double[] levels = new double[19];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = 0.05 * (i + 1);
    }
    return levels;
  }

  public static CoverageCurve of(List<EventDraws> events, double[] levels) {
    double[] credibility = new double[events.size()];
    for (int e = 0; e < credibility.length; e++) {
      EventDraws ev = events.get(e);
      int above = 0;
      for (double lq : ev.logqSamples()) {
        if (lq > ev.logqTrue()) {
          above++;
        }
      }
      credibility[e] = (double) above / ev.logqSamples().length;
    }
    double[] coverage = new double[levels.length];
    double maxDev = 0;
    for (int k = 0; k < levels.length; k++) {
      int covered = 0;
      for (double f : credibility) {
        if (f < levels[k]) {
          covered++;
        }
      }
      coverage[k] = (double) covered / credibility.length;
      maxDev = Math.max(maxDev, Math.abs(coverage[k] - levels[k]));
    }
    return new CoverageCurve(levels.clone(), coverage, maxDev, events.size());
  }
}
