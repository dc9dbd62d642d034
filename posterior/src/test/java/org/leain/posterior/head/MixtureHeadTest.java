package org.leain.posterior.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MixtureHeadTest {

  private static final ParameterBox BOX_2D = new ParameterBox(List.of(
      new ParameterBox.Parameter("z", "", 3, 12, ParameterBox.Warp.LN1P),
      new ParameterBox.Parameter("q", "", 0.1, 1, ParameterBox.Warp.LINEAR)));

  private static GaussianMixture twoComponents2d() {
    return new GaussianMixture(
        new double[] {0.3, 0.7},
        new double[][] {{-0.5, 0.4}, {1.0, -0.8}},
        new double[][][] {{{1.5, 0.7}, {0, 2.0}}, {{0.9, -0.4}, {0, 1.3}}});
  }

  @Test
  void thetaDensity_ofA2dHead_integratesToOneOverThePriorBox() {
    GaussianMixture mixture = twoComponents2d();
    int n = 1200;
    double dz = 9.0 / n;
    double dq = 0.9 / n;
    double integral = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double[] theta = {3 + (i + 0.5) * dz, 0.1 + (j + 0.5) * dq};
        integral += Math.exp(mixture.logDensity(BOX_2D.toUnbounded(theta))
            + BOX_2D.logAbsJacobian(theta)) * dz * dq;
      }
    }
    assertEquals(1.0, integral, 2e-3);
  }

  @Test
  void samples_ofA2dHead_followItsDensity_byKolmogorovSmirnovOnEachMarginal() {
    GaussianMixture mixture = twoComponents2d();
    int samples = 20_000;
    double[][] drawn = new double[2][samples];
    SplittableRandom random = new SplittableRandom(7);
    for (int s = 0; s < samples; s++) {
      double[] theta = BOX_2D.toBounded(mixture.sample(random));
      drawn[0][s] = theta[0];
      drawn[1][s] = theta[1];
    }
    int n = 800;
    for (int axis = 0; axis < 2; axis++) {
      ParameterBox.Parameter p = BOX_2D.parameters().get(axis);
      double step = (p.hi() - p.lo()) / n;
      double[] cdf = new double[n + 1];
      for (int i = 0; i < n; i++) {
        double marginal = 0;
        for (int j = 0; j < n; j++) {
          ParameterBox.Parameter o = BOX_2D.parameters().get(1 - axis);
          double other = o.lo() + (j + 0.5) * (o.hi() - o.lo()) / n;
          double x = p.lo() + (i + 0.5) * step;
          double[] theta = axis == 0 ? new double[] {x, other} : new double[] {other, x};
          marginal += Math.exp(mixture.logDensity(BOX_2D.toUnbounded(theta))
              + BOX_2D.logAbsJacobian(theta)) * (o.hi() - o.lo()) / n;
        }
        cdf[i + 1] = cdf[i] + marginal * step;
      }
      double[] sorted = drawn[axis].clone();
      Arrays.sort(sorted);
      double ks = 0;
      for (int s = 0; s < samples; s++) {
        double position = (sorted[s] - p.lo()) / step;
        int i = Math.min(n - 1, (int) position);
        double model = cdf[i] + (cdf[i + 1] - cdf[i]) * (position - i);
        ks = Math.max(ks, Math.max(Math.abs(model - (s + 1.0) / samples), Math.abs(model - (double) s / samples)));
      }
      // 1% critical value of the one-sample KS statistic: 1.63 / sqrt(n) = 0.0115.
      assertTrue(ks < 0.0115, "KS statistic on axis " + axis + " was " + ks);
    }
  }

  @Test
  void everySample_ofA7dMixtureWithExtremeMeans_liesInsideThePrior() {
    ParameterBox box = new ParameterBox(List.of(
        new ParameterBox.Parameter("z", "", 3, 12, ParameterBox.Warp.LN1P),
        new ParameterBox.Parameter("a", "", 4, 9, ParameterBox.Warp.LINEAR),
        new ParameterBox.Parameter("b", "", -2, 0.5, ParameterBox.Warp.LINEAR),
        new ParameterBox.Parameter("c", "", 8, 12.5, ParameterBox.Warp.LINEAR),
        new ParameterBox.Parameter("d", "", 1, 4, ParameterBox.Warp.LINEAR),
        new ParameterBox.Parameter("e", "", -4, -0.5, ParameterBox.Warp.LINEAR),
        new ParameterBox.Parameter("q", "", 0.1, 1, ParameterBox.Warp.LINEAR)));
    double[][] means = new double[2][7];
    double[][][] factors = new double[2][7][7];
    for (int i = 0; i < 7; i++) {
      means[0][i] = 40 * (i % 2 == 0 ? 1 : -1);
      means[1][i] = -40 * (i % 2 == 0 ? 1 : -1);
      factors[0][i][i] = 0.05;
      factors[1][i][i] = 0.05;
    }
    GaussianMixture mixture = new GaussianMixture(new double[] {0.5, 0.5}, means, factors);
    SplittableRandom random = new SplittableRandom(3);
    for (int s = 0; s < 20_000; s++) {
      double[] theta = box.toBounded(mixture.sample(random));
      for (int i = 0; i < 7; i++) {
        ParameterBox.Parameter p = box.parameters().get(i);
        assertTrue(theta[i] >= p.lo() && theta[i] <= p.hi(), p.name() + " = " + theta[i]);
      }
    }
  }

  @Test
  void logAbsJacobian_agreesWithFiniteDifferencesOfTheTransform() {
    double[] theta = {5.2, 0.37};
    double h = 1e-6;
    double expected = 0;
    for (int i = 0; i < 2; i++) {
      double up = BOX_2D.toUnbounded(i, theta[i] + h);
      double down = BOX_2D.toUnbounded(i, theta[i] - h);
      expected += Math.log(Math.abs((up - down) / (2 * h)));
    }
    assertEquals(expected, BOX_2D.logAbsJacobian(theta), 1e-6);
    double[] back = BOX_2D.toBounded(BOX_2D.toUnbounded(theta));
    assertEquals(theta[0], back[0], 1e-12);
    assertEquals(theta[1], back[1], 1e-12);
  }

  @Test
  void djlLogDensity_agreesWithTheJavaMixture_forRandomRawOutputs() {
    int k = 3;
    int d = 4;
    int b = 5;
    MixtureHead head = new MixtureHead(k, d);
    Random random = new Random(11);
    float[] raw = new float[b * head.rawSize()];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (float) (0.6 * random.nextGaussian());
    }
    float[] u = new float[b * d];
    for (int i = 0; i < u.length; i++) {
      u[i] = (float) random.nextGaussian();
    }
    try (NDManager m = NDManager.newBaseManager()) {
      NDList mixture = head.mixture(m.create(raw, new Shape(b, head.rawSize())), null);
      float[] logQ = head.logDensity(mixture, m.create(u, new Shape(b, d))).toFloatArray();
      float[] logits = mixture.get(0).toFloatArray();
      float[] means = mixture.get(1).toFloatArray();
      float[] factors = mixture.get(2).toFloatArray();
      for (int row = 0; row < b; row++) {
        GaussianMixture java = head.toMixture(logits, means, factors, row);
        double[] ur = new double[d];
        for (int i = 0; i < d; i++) {
          ur[i] = u[row * d + i];
        }
        assertEquals(java.logDensity(ur), logQ[row], 1e-4);
      }
    }
  }

  @Test
  void covarianceCholesky_reproducesTheInverseOfThePrecision() {
    GaussianMixture mixture = twoComponents2d();
    double[][] l = mixture.covarianceCholesky()[0];
    // Sigma = L L^T must satisfy U Sigma U^T = I for U = [[1.5, 0.7], [0, 2.0]].
    double[][] u = {{1.5, 0.7}, {0, 2.0}};
    double[][] sigma = new double[2][2];
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        sigma[i][j] = l[i][0] * l[j][0] + l[i][1] * l[j][1];
      }
    }
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        double s = 0;
        for (int a = 0; a < 2; a++) {
          for (int c = 0; c < 2; c++) {
            s += u[i][a] * sigma[a][c] * u[j][c];
          }
        }
        assertEquals(i == j ? 1 : 0, s, 1e-12);
      }
    }
  }
}
