package org.leain.stream.shadow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leain.contracts.MixtureComponent;
import org.leain.contracts.ParameterInfo;
import org.leain.contracts.ParameterTransform;

/** ln q(x) from the record's mixture and transforms, against closed forms of the contract's formulas. */
class PosteriorDensityTest {

  private static PosteriorDensity oneDimensional(ParameterTransform transform, double lo, double hi,
      List<MixtureComponent> mixture) {
    return PosteriorDensity.of(Posteriors.of(List.of(new ParameterInfo("x", "1", lo, hi, transform)), mixture,
        List.of(0.5f), null));
  }

  /**
   * LOGIT on [0, 1], N(0, 1) in z: ln q(x) = -ln(2 pi)/2 - z^2/2 - ln(s (1 - s)), s = x, z = logit(x);
   * values worked out by hand (e.g. x = 0.75: z = ln 3, -0.91894 - 0.60347 + 1.67398 = 0.15156).
   */
  @ParameterizedTest
  @CsvSource({"0.5, 0.46735", "0.75, 0.15156", "0.2, -0.04726", "0.4, 0.42598"})
  void logitDensity_isTheGaussianInZ_overTheJacobian(double x, double expected) {
    PosteriorDensity q = oneDimensional(ParameterTransform.LOGIT, 0, 1,
        List.of(new MixtureComponent(1.0, List.of(0.0), List.of(1.0))));
    assertEquals(expected, q.logDensity(new double[] {x}), 1e-5);
  }

  /** LN1P_LOGIT on [3, 12] at the midpoint of ln(1+x): x = sqrt(4 * 13) - 1, z = 0, |dx/dz| = (1+x) ln(13/4) / 4. */
  @Test
  void ln1pLogitDensity_atTheMidpoint_isTheClosedForm() {
    PosteriorDensity q = oneDimensional(ParameterTransform.LN1P_LOGIT, 3, 12,
        List.of(new MixtureComponent(1.0, List.of(0.0), List.of(1.0))));
    double x = Math.sqrt(52) - 1;
    double expected = -0.5 * Math.log(2 * Math.PI) - Math.log(Math.sqrt(52) * Math.log(13.0 / 4) / 4);
    assertEquals(expected, q.logDensity(new double[] {x}), 1e-12);
  }

  @Test
  void aTwoComponentMixture_integratesToOne_overThePriorInterval() {
    PosteriorDensity q = oneDimensional(ParameterTransform.LN1P_LOGIT, 3, 12, List.of(
        new MixtureComponent(0.3, List.of(-1.0), List.of(0.4)), new MixtureComponent(0.7, List.of(1.5), List.of(0.8))));
    int steps = 200_000;
    double h = 9.0 / steps;
    double integral = 0;
    for (int i = 0; i < steps; i++) {
      integral += Math.exp(q.logDensity(new double[] {3 + (i + 0.5) * h})) * h;
    }
    assertEquals(1.0, integral, 1e-6);
  }

  /**
   * IDENTITY in 2-D with packed L = [2; 1, 3]: Sigma = [[4, 2], [2, 10]], det 36, and at x = (1, 2)
   * the quadratic form x' Sigma^-1 x = (10 - 8 + 16) / 36 = 0.5.
   */
  @Test
  void fullCovariance_usesThePackedRowMajorCholesky() {
    PosteriorDensity q = PosteriorDensity.of(Posteriors.of(List.of(
            new ParameterInfo("a", "1", -10.0, 10.0, ParameterTransform.IDENTITY),
            new ParameterInfo("b", "1", -10.0, 10.0, ParameterTransform.IDENTITY)),
        List.of(new MixtureComponent(1.0, List.of(0.0, 0.0), List.of(2.0, 1.0, 3.0))), List.of(0f, 0f), null));
    assertEquals(-Math.log(2 * Math.PI) - 0.5 * Math.log(36) - 0.25, q.logDensity(new double[] {1, 2}), 1e-12);
  }

  @Test
  void outsideThePriorBox_theDensityIsZero() {
    PosteriorDensity q = oneDimensional(ParameterTransform.LOGIT, 0, 1,
        List.of(new MixtureComponent(1.0, List.of(0.0), List.of(1.0))));
    assertEquals(Double.NEGATIVE_INFINITY, q.logDensity(new double[] {1.2}));
  }
}
