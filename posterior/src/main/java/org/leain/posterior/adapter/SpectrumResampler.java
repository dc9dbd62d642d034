package org.leain.posterior.adapter;

/**
 * Flux-conserving rebinning of a spectrum onto a grid uniform in ln(lambda); see the package
 * documentation. Immutable and thread-safe.
 */
public final class SpectrumResampler {

  /** A spectrum on the target grid: f_nu and its error (input units), and the validity mask. */
  public record Resampled(float[] flux, float[] fluxErr, float[] mask) {}

  private final double[] edgesUm;

  /**
   * @param bins number of target bins
   * @param lnMinEdgeUm ln of the lower edge of the first bin, in micrometres
   * @param lnStep bin width in ln(lambda)
   */
  public SpectrumResampler(int bins, double lnMinEdgeUm, double lnStep) {
    if (bins < 1 || !(lnStep > 0)) {
      throw new IllegalArgumentException("Expected bins >= 1 and lnStep > 0. Actual: " + bins + ", "
          + lnStep);
    }
    edgesUm = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edgesUm[i] = Math.exp(lnMinEdgeUm + i * lnStep);
    }
  }

  /** The target bin edges in micrometres (a copy). */
  public double[] edgesUm() {
    return edgesUm.clone();
  }

  /**
   * Rebins pixels given by their centre wavelengths (strictly increasing). {@code mask} may be null
   * (all pixels valid unless their flux or error is not finite or the error is not positive).
   */
  public Resampled resample(double[] wavelengthUm, double[] flux, double[] fluxErr, boolean[] mask) {
    int n = wavelengthUm.length;
    if (flux.length != n || fluxErr.length != n || (mask != null && mask.length != n) || n < 2) {
      throw new IllegalArgumentException("Expected at least 2 pixels and arrays of one length. "
          + "Actual: wavelength " + n + ", flux " + flux.length + ", err " + fluxErr.length
          + ", mask " + (mask == null ? "null" : mask.length));
    }
    double[] pixelEdges = new double[n + 1];
    for (int j = 1; j < n; j++) {
      if (!(wavelengthUm[j] > wavelengthUm[j - 1])) {
        throw new IllegalArgumentException("Expected strictly increasing wavelengths. Actual: "
            + wavelengthUm[j - 1] + " then " + wavelengthUm[j] + " at pixel " + j);
      }
      pixelEdges[j] = 0.5 * (wavelengthUm[j - 1] + wavelengthUm[j]);
    }
    pixelEdges[0] = wavelengthUm[0] - 0.5 * (wavelengthUm[1] - wavelengthUm[0]);
    pixelEdges[n] = wavelengthUm[n - 1] + 0.5 * (wavelengthUm[n - 1] - wavelengthUm[n - 2]);

    int bins = edgesUm.length - 1;
    double[] weight = new double[bins];
    double[] weightedFlux = new double[bins];
    double[] weightedVar = new double[bins];
    int k = 0;
    for (int j = 0; j < n; j++) {
      boolean valid = (mask == null || mask[j]) && Double.isFinite(flux[j])
          && Double.isFinite(fluxErr[j]) && fluxErr[j] > 0;
      if (!valid) {
        continue;
      }
      while (k > 0 && edgesUm[k] > pixelEdges[j]) {
        k--;
      }
      while (k < bins && edgesUm[k + 1] <= pixelEdges[j]) {
        k++;
      }
      for (int b = k; b < bins && edgesUm[b] < pixelEdges[j + 1]; b++) {
        double overlap = Math.min(edgesUm[b + 1], pixelEdges[j + 1]) - Math.max(edgesUm[b], pixelEdges[j]);
        if (overlap > 0) {
          weight[b] += overlap;
          weightedFlux[b] += overlap * flux[j];
          weightedVar[b] += overlap * overlap * fluxErr[j] * fluxErr[j];
        }
      }
    }
    float[] outFlux = new float[bins];
    float[] outErr = new float[bins];
    float[] outMask = new float[bins];
    for (int b = 0; b < bins; b++) {
      if (weight[b] > 0) {
        outFlux[b] = (float) (weightedFlux[b] / weight[b]);
        outErr[b] = (float) (Math.sqrt(weightedVar[b]) / weight[b]);
        outMask[b] = 1f;
      }
    }
    return new Resampled(outFlux, outErr, outMask);
  }
}
