package org.leain.sky.skymap;

/**
 * Header values of a sky map that travel with it.
 *
 * @param objectId OBJECT (superevent id), or null when absent
 * @param dateObs DATE-OBS (UTC ISO-8601 as written by BAYESTAR), or null when absent
 * @param distMeanMpc DISTMEAN, the all-sky posterior mean distance; NaN when absent
 * @param distStdMpc DISTSTD, the all-sky posterior standard deviation of distance; NaN when absent
 */
public record SkymapMetadata(String objectId, String dateObs, double distMeanMpc, double distStdMpc) {

  /** No header information. */
  public static final SkymapMetadata NONE = new SkymapMetadata(null, null, Double.NaN, Double.NaN);
}
