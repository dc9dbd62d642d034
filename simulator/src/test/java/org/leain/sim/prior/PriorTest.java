package org.leain.sim.prior;

import static org.junit.jupiter.api.Assertions.*;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PriorTest {

  @Test
  void require_outsideRange_namesParameterRangeAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Parameter.LOG10_MBH.require(9.3));
    assertEquals("Expected log10_mbh in [4, 9]. Actual: 9.3", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Parameter.class)
  void requireInPrior_rejectsEachParameterJustAboveItsUpperBound(Parameter p) {
    Theta inside = Prior.uniform().sample(new SplittableRandom(3));
    double above = p == Parameter.PHI_C ? p.upper() : Math.nextUp(p.upper());
    Theta outside = inside.with(p, above);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        outside::requireInPrior);
    assertTrue(e.getMessage().startsWith("Expected " + p.id() + " in ["), e.getMessage());
    assertEquals(Double.NEGATIVE_INFINITY, Prior.uniform().logDensity(outside));
  }

  @Test
  void samples_lieInsideThePrior_andCoverEachRangeUniformly() {
    Prior prior = Prior.uniform();
    SplittableRandom random = new SplittableRandom(11);
    int n = 20_000;
    double[] mean = new double[Theta.SIZE];
    for (int k = 0; k < n; k++) {
      Theta t = prior.sample(random);
      assertTrue(prior.contains(t));
      double[] v = t.toArray();
      for (int i = 0; i < v.length; i++) {
        mean[i] += v[i] / n;
      }
    }
    for (Parameter p : Parameter.values()) {
      double width = p.upper() - p.lower();
      double expected = p.lower() + width / 2;
      double standardError = width / Math.sqrt(12.0 * n);
      assertEquals(expected, mean[p.ordinal()], 5 * standardError, p.id());
    }
  }

  @Test
  void logDensity_insidePrior_isMinusLogOfTheInferredBoxVolume() {
    double volume = 9.0 * 5.0 * 2.5 * 4.5 * 3.0 * 3.5 * 0.9;
    Theta t = Prior.uniform().sample(new SplittableRandom(5));
    assertEquals(-Math.log(volume), Prior.uniform().logDensity(t), 1e-12);
  }
}
