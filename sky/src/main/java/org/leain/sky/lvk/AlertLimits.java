package org.leain.sky.lvk;

import org.leain.sky.skymap.SkymapLimits;

/**
 * Bounds on what an alert's sender can make us allocate.
 *
 * @param maxAlertBytes the largest encoded alert accepted (GCN allows 4 MiB per notice; a JSON
 *     notice with a combined map is ~2 MB, the base64 inflating FITS by 4/3)
 * @param skymap limits on each decoded skymap
 */
public record AlertLimits(int maxAlertBytes, SkymapLimits skymap) {

  /** 8 MiB per alert; skymaps of at most 1,048,576 rows and 64 MiB of FITS. */
  public static final AlertLimits DEFAULT =
      new AlertLimits(8 * 1024 * 1024, new SkymapLimits(1024 * 1024, 64L * 1024 * 1024));

  public AlertLimits {
    if (maxAlertBytes < 64) {
      throw new IllegalArgumentException("Expected maxAlertBytes >= 64. Actual: " + maxAlertBytes);
    }
    if (skymap == null) {
      throw new IllegalArgumentException("Expected skymap limits. Actual: null");
    }
  }
}
