package org.leain.posterior.head;

import java.util.List;

/**
 * The prior box of the output parameters and its bijection to the unbounded u-space of the head.
 *
 * <p>Immutable and thread-safe. See the package documentation for the transform and its Jacobian.
 */
public final class ParameterBox {

  /** How a parameter is warped before the logit: identity, or ln(1 + x) for the redshift. */
  public enum Warp {
    /** u = logit((x - lo) / (hi - lo)). */
    LINEAR,
    /** u = logit((ln(1+x) - ln(1+lo)) / (ln(1+hi) - ln(1+lo))): the redshift's rapidity. */
    LN1P;

    double apply(double x) {
      return this == LINEAR ? x : Math.log1p(x);
    }

    double invert(double w) {
      return this == LINEAR ? w : Math.expm1(w);
    }

    /** d w / d x. */
    double derivative(double x) {
      return this == LINEAR ? 1.0 : 1.0 / (1.0 + x);
    }
  }

  /** One bounded output parameter: name, unit, prior interval and warp. */
  public record Parameter(String name, String unit, double lo, double hi, Warp warp) {
    public Parameter {
      if (!(hi > lo)) {
        throw new IllegalArgumentException(
            "Expected hi > lo for parameter " + name + ". Actual: [" + lo + ", " + hi + "]");
      }
      if (warp == Warp.LN1P && lo <= -1) {
        throw new IllegalArgumentException("Expected lo > -1 for a ln(1+x) warp. Actual: " + lo);
      }
    }
  }

  private final List<Parameter> parameters;

  public ParameterBox(List<Parameter> parameters) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one parameter. Actual: 0");
    }
    this.parameters = List.copyOf(parameters);
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  public int dimension() {
    return parameters.size();
  }

  /** Index of a parameter by name. */
  public int indexOf(String name) {
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("Expected a parameter name in the box. Actual: " + name);
  }

  /** The fraction s in (0, 1) of parameter i's warped interval at value x. */
  public double unitFraction(int i, double x) {
    Parameter p = parameters.get(i);
    double wLo = p.warp().apply(p.lo());
    double wHi = p.warp().apply(p.hi());
    return (p.warp().apply(x) - wLo) / (wHi - wLo);
  }

  /** u_i for parameter i at value x; x must lie strictly inside the interval. */
  public double toUnbounded(int i, double x) {
    double s = unitFraction(i, x);
    return Math.log(s) - Math.log1p(-s);
  }

  /** The parameter value for u_i; always inside [lo, hi]. */
  public double toBounded(int i, double u) {
    Parameter p = parameters.get(i);
    double s = 1.0 / (1.0 + Math.exp(-u));
    double wLo = p.warp().apply(p.lo());
    double wHi = p.warp().apply(p.hi());
    double x = p.warp().invert(wLo + s * (wHi - wLo));
    return Math.min(p.hi(), Math.max(p.lo(), x));
  }

  /** u for a whole theta vector. */
  public double[] toUnbounded(double[] theta) {
    checkLength(theta);
    double[] u = new double[theta.length];
    for (int i = 0; i < theta.length; i++) {
      u[i] = toUnbounded(i, theta[i]);
    }
    return u;
  }

  /** theta for a whole u vector. */
  public double[] toBounded(double[] u) {
    checkLength(u);
    double[] theta = new double[u.length];
    for (int i = 0; i < u.length; i++) {
      theta[i] = toBounded(i, u[i]);
    }
    return theta;
  }

  /** Whether theta lies strictly inside the box (where the density is positive). */
  public boolean isInside(double[] theta) {
    checkLength(theta);
    for (int i = 0; i < theta.length; i++) {
      Parameter p = parameters.get(i);
      if (!(theta[i] > p.lo() && theta[i] < p.hi())) {
        return false;
      }
    }
    return true;
  }

  /** sum_i ln |du_i / dtheta_i| at theta (strictly inside the box). */
  public double logAbsJacobian(double[] theta) {
    checkLength(theta);
    double sum = 0;
    for (int i = 0; i < theta.length; i++) {
      Parameter p = parameters.get(i);
      double s = unitFraction(i, theta[i]);
      double width = p.warp().apply(p.hi()) - p.warp().apply(p.lo());
      sum += -Math.log(s) - Math.log1p(-s) - Math.log(width) + Math.log(p.warp().derivative(theta[i]));
    }
    return sum;
  }

  private void checkLength(double[] v) {
    if (v.length != parameters.size()) {
      throw new IllegalArgumentException(
          "Expected a vector of length " + parameters.size() + ". Actual: " + v.length);
    }
  }
}
