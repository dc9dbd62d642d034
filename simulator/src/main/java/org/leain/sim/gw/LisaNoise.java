package org.leain.sim.gw;

/**
 * A LISA-like one-sided, sky-averaged noise power spectral density, Robson, Cornish &amp; Liu (2019),
 * CQG 36, 105011, eqs. (10)-(13) without the Galactic confusion noise: arm length L = 2.5e9 m,
 * transfer frequency f* = 19.09 mHz, optical metrology noise 1.5e-11 m/sqrt(Hz) and acceleration
 * noise 3e-15 m/s^2/sqrt(Hz) with their low- and high-frequency reddening.
 *
 * <p>The strain is whitened with S_n at the signal's instantaneous frequency (see
 * {@link GwModel}); S_n^(-1/2) is tabulated in ln f from 1e-9 to 10 Hz and interpolated linearly
 * (constant beyond). This curve is the "PSD description" the network receives.
 */
public final class LisaNoise {

  private static final double ARM_M = 2.5e9;
  private static final double F_STAR_HZ = 19.09e-3;
  private static final double LN_F_MIN = Math.log(1e-9);
  private static final double LN_F_MAX = Math.log(10.0);
  private static final int TABLE_SIZE = 8192;
  private static final double LN_F_STEP = (LN_F_MAX - LN_F_MIN) / (TABLE_SIZE - 1);
  private static final double[] INVERSE_ASD = new double[TABLE_SIZE];

  static {
    for (int j = 0; j < TABLE_SIZE; j++) {
      INVERSE_ASD[j] = 1.0 / Math.sqrt(psdPerHz(Math.exp(LN_F_MIN + j * LN_F_STEP)));
    }
  }

  private LisaNoise() {}

  /** S_n(f) in 1/Hz at frequency {@code fHz} &gt; 0. */
  public static double psdPerHz(double fHz) {
    double oms = 1.5e-11 * 1.5e-11 * (1.0 + Math.pow(2e-3 / fHz, 4));
    double acc = 3e-15 * 3e-15 * (1.0 + Math.pow(0.4e-3 / fHz, 2)) * (1.0 + Math.pow(fHz / 8e-3, 4));
    double twoPiF = 2.0 * Math.PI * fHz;
    double c = Math.cos(fHz / F_STAR_HZ);
    double ratio = fHz / F_STAR_HZ;
    return 10.0 / (3.0 * ARM_M * ARM_M)
        * (oms + 2.0 * (1.0 + c * c) * acc / Math.pow(twoPiF, 4))
        * (1.0 + 0.6 * ratio * ratio);
  }

  /** S_n^(-1/2) in sqrt(Hz) at ln(f / 1 Hz), from the table. */
  static double inverseAsd(double lnFHz) {
    if (lnFHz <= LN_F_MIN) {
      return INVERSE_ASD[0];
    }
    if (lnFHz >= LN_F_MAX) {
      return INVERSE_ASD[TABLE_SIZE - 1];
    }
    double t = (lnFHz - LN_F_MIN) / LN_F_STEP;
    int j = (int) t;
    double f = t - j;
    return INVERSE_ASD[j] + f * (INVERSE_ASD[j + 1] - INVERSE_ASD[j]);
  }

  /**
   * log10 of the amplitude spectral density sqrt(S_n) at f = 1/tau of every strain-grid sample:
   * a fixed description of the noise on the strain grid, for the network.
   */
  public static double[] log10AsdOnGrid(StrainGrid grid) {
    double[] out = new double[grid.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = 0.5 * Math.log10(psdPerHz(1.0 / grid.tauS(i)));
    }
    return out;
  }
}
