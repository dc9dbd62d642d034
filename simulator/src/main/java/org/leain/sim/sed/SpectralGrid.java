package org.leain.sim.sed;

/**
 * The observed-frame wavelength grid of the simulated NIRSpec PRISM spectrum: {@link #SIZE} bins
 * uniform in ln(wavelength) between 0.6 and 5.3 micrometres.
 *
 * <p>A redshift dilates every wavelength by (1+z); on this grid that is a translation by
 * ln(1+z)/{@link #lnStep()} bins. Bin i spans [lnMin + i*step, lnMin + (i+1)*step]; its centre is
 * the midpoint. 320 bins give a step of 0.0068 in ln(lambda), i.e. about two bins per resolution
 * element where PRISM's R ~ 70 and one where R ~ 150; it is the size the network was sized for.
 * Immutable; the arrays returned are copies except where noted.
 */
public final class SpectralGrid {

  /** Number of bins. */
  public static final int SIZE = 320;
  /** Lower edge of the first bin, micrometres. */
  public static final double MIN_WAVELENGTH_UM = 0.6;
  /** Upper edge of the last bin, micrometres. */
  public static final double MAX_WAVELENGTH_UM = 5.3;

  private static final SpectralGrid PRISM = new SpectralGrid();

  private final double lnMin;
  private final double lnStep;
  private final double[] lnCentre;
  private final double[] centreUm;

  private SpectralGrid() {
    lnMin = Math.log(MIN_WAVELENGTH_UM);
    lnStep = (Math.log(MAX_WAVELENGTH_UM) - lnMin) / SIZE;
    lnCentre = new double[SIZE];
    centreUm = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      lnCentre[i] = lnEdge(i) + 0.5 * lnStep;
      centreUm[i] = Math.exp(lnCentre[i]);
    }
  }

  /** The PRISM grid (the only one). */
  public static SpectralGrid prism() {
    return PRISM;
  }

  /** Number of bins. */
  public int size() {
    return SIZE;
  }

  /** ln(lambda / 1 um) of the lower edge of bin {@code i} (i = SIZE gives the last upper edge). */
  public double lnEdge(int i) {
    return lnMin + i * lnStep;
  }

  /** The bin width in ln(lambda). */
  public double lnStep() {
    return lnStep;
  }

  /** ln(lambda / 1 um) of the bin centres (a copy). */
  public double[] lnWavelengthCentres() {
    return lnCentre.clone();
  }

  /** Bin-centre wavelengths in micrometres (a copy). */
  public double[] wavelengthUm() {
    return centreUm.clone();
  }

  /** Bin-centre wavelength of bin {@code i} in micrometres. */
  public double wavelengthUm(int i) {
    return centreUm[i];
  }

  /** ln(lambda / 1 um) of the centre of bin {@code i}. */
  public double lnWavelength(int i) {
    return lnCentre[i];
  }

  /** The redshift whose ln(1+z) is ln(1+z0) shifted by a whole number of bins. */
  public double redshiftShiftedByBins(double z0, int bins) {
    return Math.exp(Math.log1p(z0) + bins * lnStep) - 1.0;
  }
}
