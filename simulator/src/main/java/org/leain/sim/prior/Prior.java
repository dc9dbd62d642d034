package org.leain.sim.prior;

import java.util.SplittableRandom;

/**
 * The prior: independent uniform distributions in the coordinates of {@link Parameter}.
 *
 * <p>Uniform in log10 for the scale parameters (masses, Eddington ratio, J21, metallicity) because
 * each spans several decades and nothing is known about them a priori at the redshifts of
 * interest; uniform in z and q over their physical ranges; uniform phase.
 *
 * <p>{@link #logDensity} is the density of the inferred parameters only (phi_c is marginalised in
 * the likelihood, so its density never enters a posterior). Immutable and thread-safe.
 */
public final class Prior {

  private static final double LOG_DENSITY_INSIDE = computeLogDensity();

  private Prior() {}

  /** The prior of DESIGN.md section 5. */
  public static Prior uniform() {
    return new Prior();
  }

  /** A draw from the prior, all eight parameters. */
  public Theta sample(SplittableRandom random) {
    double[] v = new double[Theta.SIZE];
    for (Parameter p : Parameter.values()) {
      double value = p.lower() + (p.upper() - p.lower()) * random.nextDouble();
      // Rounding can land exactly on the excluded upper end of the periodic phase.
      v[p.ordinal()] = p.contains(value) ? value : Math.nextDown(p.upper());
    }
    return Theta.of(v);
  }

  /** Whether every parameter lies inside its range. */
  public boolean contains(Theta theta) {
    double[] v = theta.toArray();
    for (Parameter p : Parameter.values()) {
      if (!p.contains(v[p.ordinal()])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Log prior density of the inferred parameters (per unit of each coordinate), -infinity outside
   * the prior.
   */
  public double logDensity(Theta theta) {
    return contains(theta) ? LOG_DENSITY_INSIDE : Double.NEGATIVE_INFINITY;
  }

  private static double computeLogDensity() {
    double sum = 0.0;
    for (Parameter p : Parameter.values()) {
      if (p.inferred()) {
        sum -= Math.log(p.upper() - p.lower());
      }
    }
    return sum;
  }
}
