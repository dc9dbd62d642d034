package org.leain.stream.metrics;

import java.util.List;
import java.util.Optional;

/**
 * The calibration gauges of the shadow injections (computed in {@code org.leain.stream.shadow}):
 * how many injections were made, how many finished ones the rolling window holds and, once it holds
 * enough, per-parameter coverage of the central 50% and 90% intervals, the KS distance of the PIT
 * values to U(0,1), and the joint expected coverage at 0.5 and 0.9. Coverage fields are empty until
 * the window is full enough, so no NaN is ever exported.
 */
public record Calibration(long injectionsTotal, int windowSize, List<ParameterCalibration> parameters,
    Optional<Double> jointCoverage50, Optional<Double> jointCoverage90) {

  public Calibration {
    if (injectionsTotal < 0 || windowSize < 0) {
      throw new IllegalArgumentException("Expected non-negative counts. Actual: injections " + injectionsTotal
          + ", window " + windowSize);
    }
    parameters = List.copyOf(parameters);
  }

  /** One parameter's rolling statistics, each a fraction in [0, 1]. */
  public record ParameterCalibration(String parameter, double coverage50, double coverage90, double pitKs) {
    public ParameterCalibration {
      for (double v : new double[] {coverage50, coverage90, pitKs}) {
        if (!(v >= 0 && v <= 1)) {
          throw new IllegalArgumentException("Expected fractions in [0, 1] for " + parameter + ". Actual: " + v);
        }
      }
    }
  }
}
