package org.leain.sky.crossmatch;

/**
 * The crossmatch figures for one target (see the package documentation for the definitions).
 * Undefined values are NaN (never infinite): distance fields when the map has no distance or the
 * pixel's DISTMU is infinite; redshift-dependent fields when no redshift was given.
 *
 * @param raDeg target right ascension
 * @param decDeg target declination
 * @param searchedProb cumulative probability of the target's pixel (itself included)
 * @param searchedAreaDeg2 cumulative area of the target's pixel (itself included)
 * @param probDensityPerSr the map's density at the target
 * @param offsetDeg angle from the target to the centre of the maximum-density pixel
 * @param area50Deg2 50% credible area, interpolated (ligo.skymap)
 * @param area90Deg2 90% credible area, interpolated (ligo.skymap)
 * @param area50GcnDeg2 50% credible area by the GCN recipe
 * @param area90GcnDeg2 90% credible area by the GCN recipe
 * @param distMuMpc DISTMU at the target's pixel (ansatz location)
 * @param distSigmaMpc DISTSIGMA at the target's pixel (ansatz scale)
 * @param distNormPerMpc2 DISTNORM at the target's pixel
 * @param distMeanMpc conditional mean distance along the line of sight (ansatz moment)
 * @param distStdMpc conditional standard deviation of distance (ansatz moment)
 * @param skyOverlap RAVEN sky overlap {@code 4 pi * probDensityPerSr}
 * @param redshift the target's redshift, or NaN
 * @param dlMpc Planck18 luminosity distance at the redshift
 * @param distanceDensityPerMpc {@code p(r|n)} at {@code r = dlMpc}
 * @param probDensityVolPerMpc3 {@code probDensityPerSr * p(r|n) / r^2}
 */
public record CrossmatchResult(
    double raDeg,
    double decDeg,
    double searchedProb,
    double searchedAreaDeg2,
    double probDensityPerSr,
    double offsetDeg,
    double area50Deg2,
    double area90Deg2,
    double area50GcnDeg2,
    double area90GcnDeg2,
    double distMuMpc,
    double distSigmaMpc,
    double distNormPerMpc2,
    double distMeanMpc,
    double distStdMpc,
    double skyOverlap,
    double redshift,
    double dlMpc,
    double distanceDensityPerMpc,
    double probDensityVolPerMpc3) {

  /** Square degrees per steradian. */
  private static final double DEG2_PER_SR = (180.0 / Math.PI) * (180.0 / Math.PI);

  /** The density at the target per square degree. */
  public double probDensityPerDeg2() {
    return probDensityPerSr / DEG2_PER_SR;
  }

  /** Whether a redshift was given. */
  public boolean hasRedshift() {
    return !Double.isNaN(redshift);
  }
}
