package org.leain.sim.special;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Reference values from Abramowitz &amp; Stegun tables 7.1 and 9.8 (and their standard digits). */
class SpecialFunctionsTest {

  @ParameterizedTest
  @CsvSource({
      "0.5, 0.5204998778130465",
      "1.0, 0.8427007929497149",
      "2.0, 0.9953222650189527",
      "-1.0, -0.8427007929497149"})
  void erf_matchesPublishedValues(double x, double expected) {
    assertEquals(expected, ErrorFunction.erf(x), 1e-15);
  }

  @ParameterizedTest
  @CsvSource({
      "3.0, 2.209049699858544e-05",
      "5.0, 1.5374597944280349e-12",
      "2.5, 4.069520174449590e-04"})
  void erfc_matchesPublishedValuesInTheTail(double x, double expected) {
    assertEquals(expected, ErrorFunction.erfc(x), 1e-13 * expected);
  }

  @ParameterizedTest
  @CsvSource({
      "1.0, 1.266065877752008",
      "10.0, 2815.716628466254",
      "50.0, 2.932553783849336e20"})
  void logI0_matchesPublishedValues(double x, double expected) {
    assertEquals(Math.log(expected), ModifiedBessel.logI0(x), 1e-12);
  }

  @Test
  void logI0_seriesAndAsymptoticBranches_agreeAtTheSwitch() {
    double below = ModifiedBessel.logI0(Math.nextDown(30.0));
    double above = ModifiedBessel.logI0(30.0);
    assertEquals(below, above, 1e-13);
  }
}
