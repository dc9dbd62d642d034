package org.leain.sim.localization;

import java.util.Arrays;
import org.leain.sky.skymap.Skymap;
import org.leain.sky.skymap.SkymapMetadata;

/**
 * A mock GW localization of one simulated event: the true position and distance, and a
 * multi-order (NUNIQ) sky map around it with the LVK distance ansatz.
 *
 * <p>The sky map is a von Mises-Fisher density centred on a point scattered from the truth by
 * its own width, with concentration kappa = 2 pi ln(10) / A90 so that its 90% credible area is
 * {@code area90Deg2}. The distance ansatz p(r) = DISTNORM r^2 N(r; DISTMU, DISTSIGMA) (Singer et
 * al. 2016) has DISTMU and DISTSIGMA solved numerically so that its mean and standard deviation are
 * {@code distMeanMpc} (the true luminosity distance) and {@code distStdMpc}; it is the same in
 * every direction. {@code uniq} and {@code probDensityPerSr} are the map's pixels (NUNIQ
 * numbering, nested); they may be empty when no map was requested.
 */
public record MockLocalization(
    double trueRaDeg,
    double trueDecDeg,
    double trueDistanceMpc,
    double centreRaDeg,
    double centreDecDeg,
    double area90Deg2,
    double distMeanMpc,
    double distStdMpc,
    double distMuMpc,
    double distSigmaMpc,
    double distNormPerMpc2,
    long[] uniq,
    double[] probDensityPerSr) {

  public MockLocalization {
    if (uniq.length != probDensityPerSr.length) {
      throw new IllegalArgumentException("Expected as many densities as pixels ("
          + uniq.length + "). Actual: " + probDensityPerSr.length);
    }
    if (!(area90Deg2 > 0.0)) {
      throw new IllegalArgumentException("Expected a positive 90% area. Actual: " + area90Deg2);
    }
  }

  /**
   * The map as the sky module's validated {@link Skymap} (DISTMU/DISTSIGMA/DISTNORM columns
   * constant, DISTMEAN/DISTSTD in the metadata), e.g. for a crossmatch or an alert payload.
   */
  public Skymap toSkymap(String objectId) {
    int n = uniq.length;
    double[] mu = new double[n];
    double[] sigma = new double[n];
    double[] norm = new double[n];
    Arrays.fill(mu, distMuMpc);
    Arrays.fill(sigma, distSigmaMpc);
    Arrays.fill(norm, distNormPerMpc2);
    return Skymap.of(uniq, probDensityPerSr, mu, sigma, norm,
        new SkymapMetadata(objectId, null, distMeanMpc, distStdMpc));
  }
}
