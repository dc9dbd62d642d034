package org.leain.sky.skymap;

/**
 * Bounds on what a sender can make us allocate. A real BAYESTAR map has ~19,200 rows (~0.8 MB);
 * a flat nside-512 map 3,145,728 rows.
 *
 * @param maxRows the largest number of pixels accepted
 * @param maxBytes the largest FITS size accepted, after gzip decompression
 */
public record SkymapLimits(int maxRows, long maxBytes) {

  /** 4,194,304 rows (a flat nside-512 map fits), 256 MiB of FITS. */
  public static final SkymapLimits DEFAULT = new SkymapLimits(4 * 1024 * 1024, 256L * 1024 * 1024);

  public SkymapLimits {
    if (maxRows < 1) {
      throw new IllegalArgumentException("Expected maxRows >= 1. Actual: " + maxRows);
    }
    if (maxBytes < 2880) {
      throw new IllegalArgumentException("Expected maxBytes >= 2880 (one FITS block). Actual: " + maxBytes);
    }
  }
}
