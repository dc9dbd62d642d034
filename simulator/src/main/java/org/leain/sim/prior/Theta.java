package org.leain.sim.prior;

/**
 * One point of the parameter space, in the coordinates of {@link Parameter} (redshift, log10
 * masses in solar units, log10 Eddington ratio, log10 J21, log10 Z/Zsun, mass ratio, coalescence
 * phase in radians).
 *
 * <p>A Theta may lie outside the prior (MCMC proposals do); the simulator and the likelihood reject
 * such values with an error naming the parameter, {@link Prior#logDensity} returns -infinity. Only
 * non-finite values are rejected here.
 */
public record Theta(
    double z,
    double log10MbhMsun,
    double log10LambdaEdd,
    double log10MhaloMsun,
    double log10J21,
    double log10ZZsun,
    double massRatio,
    double phiCRad) {

  /** Number of parameters, {@code Parameter.values().length}. */
  public static final int SIZE = 8;

  public Theta {
    double[] v = {z, log10MbhMsun, log10LambdaEdd, log10MhaloMsun, log10J21, log10ZZsun, massRatio,
        phiCRad};
    for (int i = 0; i < SIZE; i++) {
      if (!Double.isFinite(v[i])) {
        throw new IllegalArgumentException(
            "Expected a finite " + Parameter.values()[i].id() + ". Actual: " + v[i]);
      }
    }
  }

  /** A Theta from values in {@link Parameter} order. */
  public static Theta of(double[] values) {
    if (values.length != SIZE) {
      throw new IllegalArgumentException(
          "Expected " + SIZE + " parameter values. Actual: " + values.length);
    }
    return new Theta(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
        values[7]);
  }

  /** The values in {@link Parameter} order. */
  public double[] toArray() {
    return new double[] {z, log10MbhMsun, log10LambdaEdd, log10MhaloMsun, log10J21, log10ZZsun,
        massRatio, phiCRad};
  }

  /** The value of one parameter. */
  public double get(Parameter p) {
    return toArray()[p.ordinal()];
  }

  /** A copy with one parameter replaced. */
  public Theta with(Parameter p, double value) {
    double[] v = toArray();
    v[p.ordinal()] = value;
    return of(v);
  }

  /** Throws, naming the first parameter outside the prior; returns this otherwise. */
  public Theta requireInPrior() {
    double[] v = toArray();
    for (Parameter p : Parameter.values()) {
      p.require(v[p.ordinal()]);
    }
    return this;
  }

  /** Black-hole mass in solar masses. */
  public double mbhMsun() {
    return Math.pow(10.0, log10MbhMsun);
  }

  /**
   * Detector-frame total mass of the merger, {@code (1+z) M_BH (1+q)}, in solar masses: the one mass
   * scale of the waveform.
   */
  public double detectorFrameTotalMassMsun() {
    return (1.0 + z) * mbhMsun() * (1.0 + massRatio);
  }

  /** Symmetric mass ratio {@code q / (1+q)^2}. */
  public double symmetricMassRatio() {
    return massRatio / ((1.0 + massRatio) * (1.0 + massRatio));
  }
}
