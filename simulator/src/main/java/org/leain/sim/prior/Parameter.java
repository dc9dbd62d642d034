package org.leain.sim.prior;

import java.math.BigDecimal;

/**
 * The parameters of the DCBH forward model, in the order of {@link Theta#toArray()}, with their
 * units and the bounds of the uniform prior (DESIGN.md section 5).
 *
 * <p>All but {@link #PHI_C} are network outputs ({@link #inferred()}); the coalescence phase is a
 * nuisance that the likelihood marginalises analytically.
 */
public enum Parameter {
  /** Redshift of the source. */
  Z("z", "dimensionless", 3.0, 12.0, true),
  /** log10 of the black-hole mass in solar masses (the seed, the primary of the merger). */
  LOG10_MBH("log10_mbh", "log10(Msun)", 4.0, 9.0, true),
  /** log10 of the Eddington ratio L / L_Edd of the accretion disc. */
  LOG10_LAMBDA_EDD("log10_lambda_edd", "log10(L/L_Edd)", -2.0, 0.5, true),
  /** log10 of the host halo mass in solar masses. */
  LOG10_MHALO("log10_mhalo", "log10(Msun)", 8.0, 12.5, true),
  /** log10 of the Lyman-Werner intensity J21 (units of 1e-21 erg/s/cm^2/Hz/sr). */
  LOG10_J21("log10_j21", "log10(J21)", 1.0, 4.0, true),
  /** log10 of the gas and stellar metallicity in solar units. */
  LOG10_Z("log10_z_zsun", "log10(Z/Zsun)", -4.0, -0.5, true),
  /** Mass ratio q = m2 / m1 of the merger (m1 = M_BH). */
  Q("q", "dimensionless", 0.1, 1.0, true),
  /** Coalescence phase, a nuisance marginalised in the likelihood; never a network output. */
  PHI_C("phi_c", "rad", 0.0, 2.0 * Math.PI, false);

  private final String id;
  private final String unit;
  private final double lower;
  private final double upper;
  private final boolean inferred;

  Parameter(String id, String unit, double lower, double upper, boolean inferred) {
    this.id = id;
    this.unit = unit;
    this.lower = lower;
    this.upper = upper;
    this.inferred = inferred;
  }

  /** The stable name used in datasets, manifests and messages, e.g. {@code log10_mbh}. */
  public String id() {
    return id;
  }

  /** Unit of the parameter as a short human-readable string. */
  public String unit() {
    return unit;
  }

  /** Lower prior bound (inclusive). */
  public double lower() {
    return lower;
  }

  /** Upper prior bound (inclusive; exclusive for the periodic {@link #PHI_C}). */
  public double upper() {
    return upper;
  }

  /** Whether the posterior network outputs this parameter (all but {@link #PHI_C}). */
  public boolean inferred() {
    return inferred;
  }

  /** Whether {@code value} lies inside the prior range. */
  public boolean contains(double value) {
    if (this == PHI_C) {
      return value >= lower && value < upper;
    }
    return value >= lower && value <= upper;
  }

  /**
   * Returns {@code value} if it lies inside the prior range.
   *
   * @throws IllegalArgumentException "Expected log10_mbh in [4, 9]. Actual: 9.3"
   */
  public double require(double value) {
    if (!contains(value)) {
      throw new IllegalArgumentException("Expected " + id + " in [" + plain(lower) + ", "
          + plain(upper) + (this == PHI_C ? ")" : "]") + ". Actual: " + plain(value));
    }
    return value;
  }

  /** The parameter with the given {@link #id()}. */
  public static Parameter byId(String id) {
    for (Parameter p : values()) {
      if (p.id.equals(id)) {
        return p;
      }
    }
    throw new IllegalArgumentException("Expected a parameter id. Actual: " + id);
  }

  private static String plain(double v) {
    if (!Double.isFinite(v)) {
      return Double.toString(v);
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }
}
