package org.leain.validation.mcmc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NelderMeadTest {

  /** -log p = Rosenbrock's function (1 - x)^2 + 100 (y - x^2)^2, minimum at (1, 1). */
  private static final LogDensity ROSENBROCK = new LogDensity() {
    @Override
    public double logDensity(double[] x) {
      return -((1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]));
    }

    @Override
    public int dimension() {
      return 2;
    }
  };

  @Test
  void minimise_findsTheRosenbrockMinimum_fromAFarStart() {
    NelderMead nm = new NelderMead(ROSENBROCK, BoxBounds.cube(2, -3, 3), 5000, Long.MAX_VALUE);
    double[] x = nm.minimise(new double[] {-2, 2.5}, 0.05, 1e-14);
    assertArrayEquals(new double[] {1, 1}, x, 1e-3);
    assertTrue(nm.evaluations() <= 5000);
  }

  @Test
  void minimise_staysInsideTheBox_whenTheMinimumIsOutside() {
    NelderMead nm = new NelderMead(ROSENBROCK, new BoxBounds(new double[] {-3, -3}, new double[] {0.5, 3}), 5000,
        Long.MAX_VALUE);
    double[] x = nm.minimise(new double[] {-2, 2.5}, 0.05, 1e-14);
    assertTrue(x[0] <= 0.5 && x[0] > 0.45, "x " + x[0]);
  }

  @Test
  void boxBounds_rejectAnEmptyInterval_namingTheParameter() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new BoxBounds(new double[] {0, 2}, new double[] {1, 2}));
    assertTrue(e.getMessage().contains("parameter 1"), e.getMessage());
  }
}
