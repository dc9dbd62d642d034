package org.leain.posterior.network;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Encodes observed arrays (already on the model's grids) into the network inputs of a batch; see
 * the package documentation for the channels. Not thread-safe: one per thread (it reuses buffers).
 */
public final class InputEncoding {

  /** Smallest error-to-scale ratio fed as ln(err/scale), to keep the channel finite. */
  private static final double MIN_ERR_RATIO = 1e-4;

  private final NetworkConfig config;
  private final double lnScaleMean;
  private final double lnScaleStd;
  private final int capacity;
  private final float[] sed;
  private final float[] sedScalars;
  private final float[] strain;
  private final float[] present;
  private int size;

  /**
   * @param lnScaleMean mean of ln(scale) over the training set (from the manifest)
   * @param lnScaleStd its standard deviation
   * @param capacity largest batch
   */
  public InputEncoding(NetworkConfig config, double lnScaleMean, double lnScaleStd, int capacity) {
    if (!(lnScaleStd > 0)) {
      throw new IllegalArgumentException("Expected lnScaleStd > 0. Actual: " + lnScaleStd);
    }
    this.config = config;
    this.lnScaleMean = lnScaleMean;
    this.lnScaleStd = lnScaleStd;
    this.capacity = capacity;
    this.sed = new float[capacity * 3 * config.sedBins()];
    this.sedScalars = new float[capacity];
    this.strain = new float[capacity * (config.strainChannels() + 1) * config.strainSamples()];
    this.present = new float[capacity];
  }

  /**
   * ln of the flux scale: the mean of sqrt(flux^2 + err^2) over valid bins (mask > 0.5). Throws if no
   * bin is valid.
   */
  public static double lnScale(float[] flux, float[] err, float[] mask) {
    double sum = 0;
    int n = 0;
    for (int i = 0; i < flux.length; i++) {
      if (mask[i] > 0.5f) {
        sum += Math.sqrt((double) flux[i] * flux[i] + (double) err[i] * err[i]);
        n++;
      }
    }
    if (n == 0 || !(sum > 0)) {
      throw new IllegalArgumentException("Expected at least one valid SED bin with signal. Actual: "
          + n + " valid bins");
    }
    return Math.log(sum / n);
  }

  /**
   * Pointwise compression of the whitened strain: linear for noise (|x| of order 1), logarithmic for
   * loud signals (SNR up to ~1e4), so activations stay bounded. Pointwise, so it commutes with
   * translations and keeps LEAIN's frame exactly equivariant.
   */
  static double asinh(double x) {
    double a = Math.abs(x);
    return Math.copySign(Math.log(a + Math.sqrt(a * a + 1)), x);
  }

  public void clear() {
    size = 0;
  }

  public int size() {
    return size;
  }

  /**
   * Adds one example. Flux and error in any consistent unit; the mask is 1 for valid bins. The
   * whitened strain is channel-major (C * M values) with one mask of M values; both may be null (no
   * GW modality).
   */
  public void add(float[] flux, float[] err, float[] mask, float[] whitenedStrain, float[] strainMask) {
    if (size == capacity) {
      throw new IllegalStateException("Expected at most " + capacity + " examples. Actual: more");
    }
    int n = config.sedBins();
    if (flux.length != n || err.length != n || mask.length != n) {
      throw new IllegalArgumentException("Expected SED arrays of length " + n + ". Actual: "
          + flux.length + ", " + err.length + ", " + mask.length);
    }
    double lnScale = lnScale(flux, err, mask);
    double scale = Math.exp(lnScale);
    int base = size * 3 * n;
    for (int i = 0; i < n; i++) {
      boolean valid = mask[i] > 0.5f;
      sed[base + i] = valid ? (float) (flux[i] / scale) : 0f;
      sed[base + n + i] = valid
          ? (float) Math.log(Math.max(MIN_ERR_RATIO, err[i] / scale)) : 0f;
      sed[base + 2 * n + i] = valid ? 1f : 0f;
    }
    sedScalars[size] = (float) ((lnScale - lnScaleMean) / lnScaleStd);
    int m = config.strainSamples();
    int c = config.strainChannels();
    int sBase = size * (c + 1) * m;
    if (whitenedStrain == null) {
      java.util.Arrays.fill(strain, sBase, sBase + (c + 1) * m, 0f);
      present[size] = 0f;
    } else {
      if (whitenedStrain.length != c * m || strainMask.length != m) {
        throw new IllegalArgumentException("Expected strain arrays of length " + c * m + " and "
            + m + ". Actual: " + whitenedStrain.length + ", " + strainMask.length);
      }
      for (int i = 0; i < m; i++) {
        boolean valid = strainMask[i] > 0.5f;
        for (int ch = 0; ch < c; ch++) {
          strain[sBase + ch * m + i] = valid ? (float) asinh(whitenedStrain[ch * m + i]) : 0f;
        }
        strain[sBase + c * m + i] = valid ? 1f : 0f;
      }
      present[size] = 1f;
    }
    size++;
  }

  /** The batch as network inputs [sed, sedScalars, strain, strainPresent], in {@code manager}. */
  public NDList toNDList(NDManager manager) {
    int n = config.sedBins();
    int m = config.strainSamples();
    int c = config.strainChannels() + 1;
    return new NDList(
        manager.create(java.util.Arrays.copyOf(sed, size * 3 * n), new Shape(size, 3, n)),
        manager.create(java.util.Arrays.copyOf(sedScalars, size), new Shape(size, 1)),
        manager.create(java.util.Arrays.copyOf(strain, size * c * m), new Shape(size, c, m)),
        manager.create(java.util.Arrays.copyOf(present, size), new Shape(size, 1)));
  }
}
