package org.leain.stream.shadow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.leain.stream.metrics.Calibration;

/**
 * The calibration statistics of a window of finished injections.
 *
 * <ul>
 *   <li>Coverage of the central interval at level a: the fraction of injections whose true value
 *       lies strictly inside the central a interval of the samples, i.e. whose PIT lies strictly
 *       between (1-a)/2 and (1+a)/2 (the two agree up to one sample's worth, 1/n_samples).
 *   <li>PIT KS distance: sup |F(u) - u| of the empirical CDF F of the PIT values, the
 *       Kolmogorov-Smirnov statistic against U(0,1).
 *   <li>Joint expected coverage at level a: the fraction of injections whose truth lies inside the
 *       highest-density region of credibility a, i.e. whose joint level is below a.
 * </ul>
 * A parameter (or the joint statistics) is reported only once at least {@code minCount}
 * injections carry it, so nothing is computed from too few values and nothing is ever NaN.
 */
final class RollingCalibration {
  private RollingCalibration() {}

  static Calibration summarise(long injectionsTotal, List<InjectionOutcome> window, int minCount) {
    List<Calibration.ParameterCalibration> parameters = new ArrayList<>();
    if (window.isEmpty() || window.size() < minCount) {
      return new Calibration(injectionsTotal, window.size(), parameters, Optional.empty(), Optional.empty());
    }
    for (String name : window.get(window.size() - 1).parameters()) {
      double[] pits = window.stream().filter(o -> o.parameters().contains(name))
          .mapToDouble(o -> o.pit()[o.parameters().indexOf(name)]).toArray();
      if (pits.length >= minCount) {
        parameters.add(new Calibration.ParameterCalibration(name, centralCoverage(pits, 0.5),
            centralCoverage(pits, 0.9), ksDistanceToUniform(pits)));
      }
    }
    double[] levels = window.stream().mapToDouble(InjectionOutcome::jointLevel).toArray();
    return new Calibration(injectionsTotal, window.size(), parameters, Optional.of(below(levels, 0.5)),
        Optional.of(below(levels, 0.9)));
  }

  static double centralCoverage(double[] pits, double level) {
    double low = (1 - level) / 2;
    double high = (1 + level) / 2;
    int inside = 0;
    for (double u : pits) {
      if (u > low && u < high) {
        inside++;
      }
    }
    return inside / (double) pits.length;
  }

  static double ksDistanceToUniform(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length;
    double distance = 0;
    for (int i = 0; i < m; i++) {
      double u = Math.max(0, Math.min(1, sorted[i]));
      distance = Math.max(distance, Math.max((i + 1) / (double) m - u, u - i / (double) m));
    }
    return distance;
  }

  private static double below(double[] levels, double level) {
    int n = 0;
    for (double v : levels) {
      if (v < level) {
        n++;
      }
    }
    return n / (double) levels.length;
  }
}
