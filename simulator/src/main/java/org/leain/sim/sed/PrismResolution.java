package org.leain.sim.sed;

/**
 * The resolving power R(lambda) = lambda / FWHM of the NIRSpec PRISM/CLEAR mode: ~30 near 1.2 um,
 * rising to ~300 at 5.3 um and to ~85 at 0.6 um.
 *
 * <p>Anchors read from the shape of the JWST user documentation's PRISM dispersion curve (JDox,
 * "NIRSpec Dispersers and Filters", nominal R for a uniformly illuminated slit); linear
 * interpolation in ln(lambda). It enters the model as the instrumental Gaussian width of every
 * emission line, sigma_ln = 1 / (2 sqrt(2 ln 2) R(lambda_obs)), a symmetry-breaking input the
 * network receives in the canonical frame.
 */
public final class PrismResolution {

  private static final double[] WAVELENGTH_UM =
      {0.6, 0.8, 1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 5.3};
  private static final double[] R = {85, 50, 35, 30, 33, 50, 70, 100, 135, 175, 220, 270, 300};
  private static final double FWHM_TO_SIGMA = 1.0 / (2.0 * Math.sqrt(2.0 * Math.log(2.0)));

  private PrismResolution() {}

  /** Resolving power at the observed wavelength (clamped to the end values outside 0.6-5.3 um). */
  public static double resolvingPower(double wavelengthUm) {
    if (wavelengthUm <= WAVELENGTH_UM[0]) {
      return R[0];
    }
    int n = WAVELENGTH_UM.length;
    if (wavelengthUm >= WAVELENGTH_UM[n - 1]) {
      return R[n - 1];
    }
    int i = 0;
    while (WAVELENGTH_UM[i + 1] < wavelengthUm) {
      i++;
    }
    double t = Math.log(wavelengthUm / WAVELENGTH_UM[i])
        / Math.log(WAVELENGTH_UM[i + 1] / WAVELENGTH_UM[i]);
    return R[i] + t * (R[i + 1] - R[i]);
  }

  /** Instrumental Gaussian sigma in ln(lambda) at the observed wavelength. */
  public static double sigmaLn(double wavelengthUm) {
    return FWHM_TO_SIGMA / resolvingPower(wavelengthUm);
  }

  /** R(lambda) at every bin centre of {@code grid}. */
  public static double[] onGrid(SpectralGrid grid) {
    double[] r = new double[grid.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = resolvingPower(grid.wavelengthUm(i));
    }
    return r;
  }
}
