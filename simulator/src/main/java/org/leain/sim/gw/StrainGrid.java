package org.leain.sim.gw;

/**
 * The sample grid of the whitened strain: {@link #SIZE} samples uniform in u = ln(tau / 1 s),
 * tau = t_ref - t the time before the window's reference time, from 0.1 s to 1e8 s.
 *
 * <p>Sample i is at u_i = ln(0.1) + i * step, so index increases with tau, i.e. backwards in time:
 * sample 0 is nearest the event. A detector-frame mass change M -> s M maps h(tau) -> s h(tau/s),
 * a translation by ln(s)/step samples. The range holds the whole waveform support
 * (tau / M_det in [1, 600]) for every detector-frame total mass in the prior,
 * (1+z) M_BH (1+q) from 4.4e4 to 2.6e10 Msun (0.22 s to 1.3e5 s). Immutable.
 */
public final class StrainGrid {

  /** Number of samples per channel. */
  public static final int SIZE = 1024;
  /** Smallest time before the reference time, seconds. */
  public static final double MIN_TAU_S = 0.1;
  /** Largest time before the reference time, seconds. */
  public static final double MAX_TAU_S = 1.0e8;

  private static final StrainGrid STANDARD = new StrainGrid();

  private final double lnMin;
  private final double step;
  private final double[] lnTau;
  private final double[] tauS;

  private StrainGrid() {
    lnMin = Math.log(MIN_TAU_S);
    step = (Math.log(MAX_TAU_S) - lnMin) / (SIZE - 1);
    lnTau = new double[SIZE];
    tauS = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      lnTau[i] = lnMin + i * step;
      tauS[i] = Math.exp(lnTau[i]);
    }
  }

  /** The grid (the only one). */
  public static StrainGrid standard() {
    return STANDARD;
  }

  /** Number of samples. */
  public int size() {
    return SIZE;
  }

  /** Spacing in ln(tau). */
  public double lnStep() {
    return step;
  }

  /** ln(tau / 1 s) of sample {@code i}. */
  public double lnTau(int i) {
    return lnTau[i];
  }

  /** tau in seconds of sample {@code i}. */
  public double tauS(int i) {
    return tauS[i];
  }

  /** ln(tau / 1 s) of every sample (a copy). */
  public double[] lnTauValues() {
    return lnTau.clone();
  }

  /** The factor s = exp(bins * step) that shifts a waveform by a whole number of samples. */
  public double massScaleForShift(int bins) {
    return Math.exp(bins * step);
  }
}
