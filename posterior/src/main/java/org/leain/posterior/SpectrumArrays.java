package org.leain.posterior;

/**
 * An observed spectrum: pixel centre wavelengths (strictly increasing, micrometres), f_nu and its
 * 1-sigma error (microjansky), and a validity mask (null: valid where flux and error are finite).
 */
public record SpectrumArrays(
    double[] wavelengthUm, double[] fluxUjy, double[] fluxErrUjy, boolean[] mask) {

  public SpectrumArrays {
    int n = wavelengthUm.length;
    if (fluxUjy.length != n || fluxErrUjy.length != n || (mask != null && mask.length != n)) {
      throw new IllegalArgumentException("Expected arrays of one length. Actual: wavelength " + n
          + ", flux " + fluxUjy.length + ", err " + fluxErrUjy.length + ", mask "
          + (mask == null ? "null" : mask.length));
    }
  }
}
