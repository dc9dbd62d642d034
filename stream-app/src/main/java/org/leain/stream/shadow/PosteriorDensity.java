package org.leain.stream.shadow;

import java.util.List;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.MixtureComponent;
import org.leain.contracts.ParameterInfo;
import org.leain.contracts.ParameterTransform;

/**
 * ln q(x) of a DcbhPosterior in physical units, read from the record alone as its contract states
 * it: a Gaussian mixture in the unbounded z (covariance Cholesky factors packed row-major) divided
 * by the Jacobian |dx/dz| of each parameter's transform. -infinity outside the prior box. Immutable.
 */
final class PosteriorDensity {
  private static final double LN_2PI = Math.log(2 * Math.PI);

  private final int d;
  private final ParameterTransform[] transforms;
  private final double[] lo;
  private final double[] hi;
  private final double[] logWeightAndNorm;
  private final double[][] means;
  private final double[][] packedCholesky;

  private PosteriorDensity(DcbhPosterior posterior) {
    List<ParameterInfo> parameters = posterior.getParameters();
    d = parameters.size();
    transforms = new ParameterTransform[d];
    lo = new double[d];
    hi = new double[d];
    for (int k = 0; k < d; k++) {
      transforms[k] = parameters.get(k).getTransform();
      lo[k] = parameters.get(k).getPriorLow();
      hi[k] = parameters.get(k).getPriorHigh();
    }
    List<MixtureComponent> mixture = posterior.getMixture();
    int components = mixture.size();
    logWeightAndNorm = new double[components];
    means = new double[components][d];
    packedCholesky = new double[components][];
    for (int j = 0; j < components; j++) {
      MixtureComponent c = mixture.get(j);
      if (c.getMean().size() != d || c.getCholeskyLower().size() != d * (d + 1) / 2) {
        throw new IllegalArgumentException("Expected mixture components of dimension " + d + ". Actual: mean "
            + c.getMean().size() + ", packed Cholesky " + c.getCholeskyLower().size());
      }
      double logDet = 0;
      packedCholesky[j] = new double[d * (d + 1) / 2];
      for (int i = 0; i < packedCholesky[j].length; i++) {
        packedCholesky[j][i] = c.getCholeskyLower().get(i);
      }
      for (int k = 0; k < d; k++) {
        means[j][k] = c.getMean().get(k);
        logDet += Math.log(packedCholesky[j][diagonal(k)]);
      }
      logWeightAndNorm[j] = Math.log(c.getWeight()) - logDet - 0.5 * d * LN_2PI;
    }
  }

  static PosteriorDensity of(DcbhPosterior posterior) {
    return new PosteriorDensity(posterior);
  }

  int dimension() {
    return d;
  }

  /** ln q(x), x in physical units in the order of the record's parameters. */
  double logDensity(double[] x) {
    double[] z = new double[d];
    double logJacobian = 0;
    for (int k = 0; k < d; k++) {
      switch (transforms[k]) {
        case IDENTITY -> z[k] = x[k];
        case LOGIT -> {
          double s = (x[k] - lo[k]) / (hi[k] - lo[k]);
          if (!(s > 0 && s < 1)) {
            return Double.NEGATIVE_INFINITY;
          }
          z[k] = Math.log(s / (1 - s));
          logJacobian += Math.log((hi[k] - lo[k]) * s * (1 - s));
        }
        case LN1P_LOGIT -> {
          double a = Math.log1p(lo[k]);
          double b = Math.log1p(hi[k]);
          double s = (Math.log1p(x[k]) - a) / (b - a);
          if (!(s > 0 && s < 1)) {
            return Double.NEGATIVE_INFINITY;
          }
          z[k] = Math.log(s / (1 - s));
          logJacobian += Math.log((1 + x[k]) * (b - a) * s * (1 - s));
        }
      }
    }
    double max = Double.NEGATIVE_INFINITY;
    double[] terms = new double[means.length];
    double[] y = new double[d];
    for (int j = 0; j < means.length; j++) {
      double[] l = packedCholesky[j];
      double squared = 0;
      for (int i = 0; i < d; i++) {
        double sum = z[i] - means[j][i];
        int row = i * (i + 1) / 2;
        for (int m = 0; m < i; m++) {
          sum -= l[row + m] * y[m];
        }
        y[i] = sum / l[row + i];
        squared += y[i] * y[i];
      }
      terms[j] = logWeightAndNorm[j] - 0.5 * squared;
      max = Math.max(max, terms[j]);
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    double sum = 0;
    for (double t : terms) {
      sum += Math.exp(t - max);
    }
    return max + Math.log(sum) - logJacobian;
  }

  private static int diagonal(int k) {
    return k * (k + 1) / 2 + k;
  }
}
