package org.leain.validation.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The proposal's criterion: the fraction of test events whose true value of a parameter lies in the
 * model's central credible interval at a level (90%), per parameter and averaged. The interval is
 * [q_(1-level)/2, q_(1+level)/2] of the posterior draws. With N events the binomial standard error
 * at 90% is sqrt(0.9 x 0.1 / N) (0.67% for N = 2,000).
 *
 * @param level the credibility level, e.g. 0.9
 * @param perParameter coverage of each parameter
 * @param mean the average over parameters
 * @param binomialStandardError sqrt(level (1 - level) / N): the spread a calibrated model shows
 * @param events N
 */
public record IntervalCoverage(double level, double[] perParameter, double mean, double binomialStandardError,
    int events) {

  public static IntervalCoverage of(List<EventDraws> events, double level) {
    if (!(level > 0 && level < 1) || events.isEmpty()) {
      throw new IllegalArgumentException("Expected a level in (0, 1) and >= 1 event. Actual: " + level + ", "
          + events.size());
    }
    int d = events.get(0).dimension();
    double[] covered = new double[d];
    for (EventDraws e : events) {
      double[] column = new double[e.samples().length];
      for (int j = 0; j < d; j++) {
        for (int i = 0; i < column.length; i++) {
          column[i] = e.samples()[i][j];
        }
        Arrays.sort(column);
        double lo = Nltp.quantile(column, (1 - level) / 2);
        double hi = Nltp.quantile(column, (1 + level) / 2);
        if (e.thetaTrue()[j] >= lo && e.thetaTrue()[j] <= hi) {
          covered[j]++;
        }
      }
    }
    for (int j = 0; j < d; j++) {
      covered[j] /= events.size();
    }
    return new IntervalCoverage(level, covered, Nltp.mean(covered),
        Math.sqrt(level * (1 - level) / events.size()), events.size());
  }
}
