package org.leain.sim.sed;

import java.util.SplittableRandom;

/**
 * Per-bin flux errors of a simulated PRISM spectrum: a fixed wavelength shape times an exposure
 * depth drawn per event.
 *
 * <p>Shape: relative 1-sigma error versus observed wavelength, anchored on the real UNCOVER 45924
 * spectrum (data/jwst/...45924.spec1d.csv) where it is background-limited (0.6-2.5 um: ~0.0025-0.004
 * uJy, rising below 0.8 um), and rising smoothly to ~3x at 5.3 um as PRISM's throughput falls (the
 * real spectrum's red errors are larger still because that source is bright; we keep the errors
 * independent of the source so that they carry no information about theta). Depth: the 1-sigma
 * error at 1 um, log-uniform in [0.003, 0.06] uJy, which spans UNCOVER-deep (0.0027 uJy at 1 um
 * for 45924) to short exposures; the median error over the grid is then ~0.004-0.08 uJy.
 */
public final class FluxErrorModel {

  /** Lowest reference error (1 um), microjansky. */
  public static final double MIN_ERROR_AT_1UM_UJY = 0.003;
  /** Highest reference error (1 um), microjansky. */
  public static final double MAX_ERROR_AT_1UM_UJY = 0.06;

  private static final double[] WAVELENGTH_UM =
      {0.6, 0.7, 0.8, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.3};
  private static final double[] RELATIVE =
      {1.8, 1.1, 1.0, 1.0, 0.9, 1.0, 1.0, 1.1, 1.25, 1.45, 1.7, 2.1, 2.8, 3.3};

  private final double[] shape;

  FluxErrorModel(SpectralGrid grid) {
    shape = new double[grid.size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = relativeError(grid.wavelengthUm(i));
    }
  }

  /** Draws an error vector (microjansky per bin) into {@code errUjy}. */
  void draw(SplittableRandom random, double[] errUjy) {
    double lnLo = Math.log(MIN_ERROR_AT_1UM_UJY);
    double lnHi = Math.log(MAX_ERROR_AT_1UM_UJY);
    double depth = Math.exp(lnLo + (lnHi - lnLo) * random.nextDouble());
    for (int i = 0; i < shape.length; i++) {
      errUjy[i] = depth * shape[i];
    }
  }

  static double relativeError(double wavelengthUm) {
    int n = WAVELENGTH_UM.length;
    if (wavelengthUm <= WAVELENGTH_UM[0]) {
      return RELATIVE[0];
    }
    if (wavelengthUm >= WAVELENGTH_UM[n - 1]) {
      return RELATIVE[n - 1];
    }
    int i = 0;
    while (WAVELENGTH_UM[i + 1] < wavelengthUm) {
      i++;
    }
    double t = Math.log(wavelengthUm / WAVELENGTH_UM[i])
        / Math.log(WAVELENGTH_UM[i + 1] / WAVELENGTH_UM[i]);
    return Math.exp(Math.log(RELATIVE[i]) + t * Math.log(RELATIVE[i + 1] / RELATIVE[i]));
  }
}
