package org.leain.stream.shadow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leain.contracts.MixtureComponent;
import org.leain.contracts.ParameterInfo;
import org.leain.contracts.ParameterTransform;

/**
 * PIT and joint level of one injection, on a posterior small enough to work out by hand: LOGIT on
 * [0, 1], N(0, 1) in z, samples 0.2, 0.4, 0.6, 0.8 whose ln q are -0.047, 0.426, 0.426, -0.047.
 */
class InjectionOutcomeTest {

  private static InjectionOutcome outcome(double truth) {
    return InjectionOutcome.of(Posteriors.of(List.of(new ParameterInfo("x", "1", 0.0, 1.0, ParameterTransform.LOGIT)),
        List.of(new MixtureComponent(1.0, List.of(0.0), List.of(1.0))), List.of(0.2f, 0.4f, 0.6f, 0.8f),
        List.of(truth)));
  }

  /**
   * truth 0.75: 3 samples below (PIT 0.75), ln q = 0.152 so the two samples at 0.426 are denser
   * (joint level 0.5); truth 0.5: ln q = 0.467 is the mode, nothing is denser; truth 0.9: ln q =
   * -0.925, every sample is denser.
   */
  @ParameterizedTest
  @CsvSource({"0.75, 0.75, 0.5", "0.5, 0.5, 0.0", "0.9, 1.0, 1.0", "0.1, 0.0, 1.0"})
  void pitAndJointLevel_matchTheHandCount(double truth, double pit, double jointLevel) {
    InjectionOutcome o = outcome(truth);
    assertArrayEquals(new double[] {pit}, o.pit(), 1e-12);
    assertEquals(jointLevel, o.jointLevel(), 1e-12);
    assertEquals(List.of("x"), o.parameters());
  }

  @Test
  void aPosteriorWithoutTrueValues_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> InjectionOutcome.of(Posteriors.of(
        List.of(new ParameterInfo("x", "1", 0.0, 1.0, ParameterTransform.LOGIT)),
        List.of(new MixtureComponent(1.0, List.of(0.0), List.of(1.0))), List.of(0.5f), null)));
  }
}
