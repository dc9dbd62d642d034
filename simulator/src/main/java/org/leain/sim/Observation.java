package org.leain.sim;

import org.leain.sim.localization.MockLocalization;

/**
 * One observation of an event, as the network and the likelihood read it: the PRISM spectrum
 * (flux density and its per-bin 1-sigma error in microjansky on the grid's bin-centre wavelengths,
 * a mask of usable bins) and the whitened strain in the two LISA-like channels A and E (unit
 * variance white noise per sample; a mask of samples that carry data, false everywhere when the
 * strain is missing), plus, when asked for, the mock localization.
 *
 * <p>Arrays are shared, not copied: treat them as read-only (the likelihood caches per-observation
 * sums keyed on them). {@code localization} is null when none was simulated.
 */
public record Observation(
    double[] wavelengthUm,
    double[] fluxUjy,
    double[] fluxErrUjy,
    boolean[] sedMask,
    double[] strainA,
    double[] strainE,
    boolean[] strainMask,
    MockLocalization localization) {

  public Observation {
    int nSed = wavelengthUm.length;
    requireLength("flux_ujy", fluxUjy.length, nSed);
    requireLength("flux_err_ujy", fluxErrUjy.length, nSed);
    requireLength("sed mask", sedMask.length, nSed);
    int nStrain = strainMask.length;
    requireLength("strain channel A", strainA.length, nStrain);
    requireLength("strain channel E", strainE.length, nStrain);
    for (int i = 0; i < nSed; i++) {
      if (sedMask[i] && !(fluxErrUjy[i] > 0.0)) {
        throw new IllegalArgumentException(
            "Expected a positive flux error in unmasked bin " + i + ". Actual: " + fluxErrUjy[i]);
      }
    }
  }

  /** Whether any strain sample carries data. */
  public boolean hasStrain() {
    for (boolean b : strainMask) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  /** Whether a mock localization is attached. */
  public boolean hasLocalization() {
    return localization != null;
  }

  /** The same observation without strain (every strain sample masked, values zero). */
  public Observation withoutStrain() {
    int n = strainMask.length;
    return new Observation(wavelengthUm, fluxUjy, fluxErrUjy, sedMask, new double[n],
        new double[n], new boolean[n], localization);
  }

  /** The same observation with the given localization. */
  public Observation withLocalization(MockLocalization value) {
    return new Observation(wavelengthUm, fluxUjy, fluxErrUjy, sedMask, strainA, strainE,
        strainMask, value);
  }

  private static void requireLength(String what, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          "Expected " + what + " of length " + expected + ". Actual: " + actual);
    }
  }
}
