package org.leain.stream.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leain.stream.metrics.Calibration;

/** The window statistics against values computed by hand on five injections. */
class RollingCalibrationTest {

  /**
   * Parameter a, PITs 0.1, 0.3, 0.5, 0.7, 0.97: inside (0.25, 0.75) are 0.3, 0.5, 0.7 (3/5); inside
   * (0.05, 0.95) all but 0.97 (4/5); KS: at the sorted i-th value max(i/5 - u, u - (i-1)/5) is 0.1
   * for the first four and max(1 - 0.97, 0.97 - 0.8) = 0.17 for the last. Parameter b, PITs 0.6 x 5:
   * inside both intervals (5/5, 5/5); KS 0.6, reached at the first value, max(0.2 - 0.6, 0.6 - 0).
   * Joint levels 0.2, 0.45, 0.6, 0.85, 0.95: below 0.5 two (0.4),
   * below 0.9 four (0.8).
   */
  @Test
  void statistics_ofAFiveInjectionWindow_matchTheHandComputation() {
    double[] a = {0.1, 0.3, 0.5, 0.7, 0.97};
    double[] joint = {0.2, 0.45, 0.6, 0.85, 0.95};
    List<InjectionOutcome> window = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      window.add(new InjectionOutcome("i" + i, List.of("a", "b"), new double[] {a[i], 0.6}, joint[i]));
    }
    Calibration c = RollingCalibration.summarise(7, window, 5);
    assertEquals(7, c.injectionsTotal());
    assertEquals(5, c.windowSize());
    assertEquals(2, c.parameters().size());
    Calibration.ParameterCalibration pa = c.parameters().get(0);
    assertEquals("a", pa.parameter());
    assertEquals(0.6, pa.coverage50(), 1e-12);
    assertEquals(0.8, pa.coverage90(), 1e-12);
    assertEquals(0.17, pa.pitKs(), 1e-12);
    Calibration.ParameterCalibration pb = c.parameters().get(1);
    assertEquals(1.0, pb.coverage50(), 1e-12);
    assertEquals(1.0, pb.coverage90(), 1e-12);
    assertEquals(0.6, pb.pitKs(), 1e-12);
    assertEquals(0.4, c.jointCoverage50().orElseThrow(), 1e-12);
    assertEquals(0.8, c.jointCoverage90().orElseThrow(), 1e-12);
  }

  @Test
  void belowTheMinimumCount_onlyTheCountsAreReported() {
    List<InjectionOutcome> window = List.of(new InjectionOutcome("i", List.of("a"), new double[] {0.5}, 0.5));
    Calibration c = RollingCalibration.summarise(3, window, 2);
    assertEquals(1, c.windowSize());
    assertTrue(c.parameters().isEmpty());
    assertEquals(Optional.empty(), c.jointCoverage90());
  }
}
