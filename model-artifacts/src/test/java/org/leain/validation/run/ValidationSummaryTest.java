package org.leain.validation.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The calibration criterion at its edges: the bar is "no deviation above 0.03", counted in events. */
class ValidationSummaryTest {

  private static ValidationSummary withCoverage(double coverage90, double maxDeviation) {
    return new ValidationSummary(0, 0, 1, 1, 0, 0.5, coverage90, coverage90, maxDeviation, 0, 0.5, 1000, 2000, 30, 1);
  }

  @Test
  void aDeviationOfExactlySixtyInTwoThousandEvents_isNotAboveTheBar() {
    // 0.95 level, 1960 of 2000 events: |0.98 - 0.95| evaluates to 0.030000000000000027 in floating point.
    double deviation = Math.abs(1960 / 2000.0 - 0.95);
    assertTrue(deviation > 0.03, "the floating-point value this test is about: " + deviation);
    assertTrue(withCoverage(0.913, deviation).coverageCriterionMet());
  }

  @Test
  void oneEventMore_orCoverageOutsideTheBand_missesIt() {
    assertFalse(withCoverage(0.913, Math.abs(1961 / 2000.0 - 0.95)).coverageCriterionMet());
    assertFalse(withCoverage(0.921, 0.01).coverageCriterionMet());
    assertFalse(withCoverage(0.879, 0.01).coverageCriterionMet());
  }
}
