package org.leain.sky.jwst;

/**
 * A 1D spectrum as read from a file, before it becomes a contract record. Arrays have one entry per
 * bin in increasing wavelength; they are shared, not copied (treat them as read-only).
 *
 * @param sourceName the source's name as the file gives it (e.g. msaexp SRCNAME), or null
 * @param raDeg ICRS right ascension of the source, NaN when unknown
 * @param decDeg ICRS declination of the source, NaN when unknown
 * @param observationStartUtc start of the exposure, ISO-8601 UTC without zone (DATE-BEG), or null
 * @param instrument e.g. NIRSPEC, or null
 * @param grating e.g. PRISM, or null
 * @param filter e.g. CLEAR, or null
 * @param wavelengthUm bin wavelengths, micrometres
 * @param fluxUjy flux densities, microjansky (NaN allowed in unusable bins)
 * @param fluxErrUjy 1-sigma errors, microjansky (NaN or <= 0 makes a bin unusable)
 * @param usable true where flux is finite and the error finite and positive
 * @param maskedCount number of unusable bins
 * @param redshift a redshift found in the file (CSV comment {@code zspec}), NaN when none
 * @param fileName the file's name (no directory), or null
 * @param reduction e.g. "msaexp 0.9.5.dev2+g80b81b4", or null
 */
public record JwstSpectrum(
    String sourceName,
    double raDeg,
    double decDeg,
    String observationStartUtc,
    String instrument,
    String grating,
    String filter,
    double[] wavelengthUm,
    double[] fluxUjy,
    double[] fluxErrUjy,
    boolean[] usable,
    int maskedCount,
    double redshift,
    String fileName,
    String reduction) {

  /** Number of bins. */
  public int size() {
    return wavelengthUm.length;
  }

  /** Whether the file carried a position. */
  public boolean hasPosition() {
    return !Double.isNaN(raDeg) && !Double.isNaN(decDeg);
  }

  /** The same spectrum at a given position (e.g. from the command line). */
  public JwstSpectrum withPosition(double newRaDeg, double newDecDeg) {
    if (!(newDecDeg >= -90 && newDecDeg <= 90) || !Double.isFinite(newRaDeg)) {
      throw new IllegalArgumentException(
          "Expected a finite RA and Dec in [-90, 90]. Actual: " + newRaDeg + ", " + newDecDeg);
    }
    return new JwstSpectrum(sourceName, newRaDeg, newDecDeg, observationStartUtc, instrument, grating,
        filter, wavelengthUm, fluxUjy, fluxErrUjy, usable, maskedCount, redshift, fileName, reduction);
  }
}
