package org.leain.load.feed;

import java.util.ArrayList;
import java.util.List;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.sky.healpix.Healpix;
import org.leain.sky.healpix.Nuniq;

/**
 * A von Mises-Fisher localization around a centre with a given 90% credible area, and its
 * multi-order (NUNIQ) pixelation as a {@link MultiOrderSkymap}.
 *
 * <p>The density is {@code p(theta) = kappa / (2 pi (1 - e^{-2 kappa})) exp(kappa (cos theta - 1))}
 * per steradian at angle {@code theta} from the centre, so the probability within {@code theta} is
 * {@code (1 - e^{-kappa (1 - cos theta)}) / (1 - e^{-2 kappa})}: credible caps have closed forms.
 * Immutable.
 */
final class VonMisesFisherMap {

  /** Fine pixels per 90% area: about a thousand, so the region is well resolved at any area. */
  private static final double FINE_PIXELS_PER_AREA90 = 1000.0;
  /** Pixels are refined down to the fine order within this credible cap (plus a pixel). */
  private static final double REFINE_CREDIBLE_LEVEL = 0.9999;
  private static final int MIN_FINE_ORDER = 3;
  private static final int MAX_FINE_ORDER = 12;
  private static final double DEG2_PER_SR = Math.pow(180.0 / Math.PI, 2);

  private final SkyDirection centre;
  private final double kappa;

  VonMisesFisherMap(SkyDirection centre, double area90Deg2) {
    if (!(area90Deg2 >= 0.1 && area90Deg2 <= 20_000.0)) {
      throw new IllegalArgumentException("Expected a 90% area in [0.1, 20000] deg^2. Actual: " + area90Deg2);
    }
    this.centre = centre;
    double area90Sr = area90Deg2 / DEG2_PER_SR;
    // 1 - cos r90 = -ln(1 - 0.9 (1 - e^{-2 kappa})) / kappa and area = 2 pi (1 - cos r90): solve for
    // kappa by fixed-point iteration from the large-kappa value 2 pi ln(10) / area.
    double k = 2 * Math.PI * Math.log(10.0) / area90Sr;
    for (int i = 0; i < 50; i++) {
      k = -2 * Math.PI * Math.log(1 - 0.9 * (1 - Math.exp(-2 * k))) / area90Sr;
    }
    this.kappa = k;
  }

  SkyDirection centre() {
    return centre;
  }

  /** The angular radius of the credible cap holding probability {@code level}, radians. */
  double capRadiusRad(double level) {
    double oneMinusCos = -Math.log(1 - level * (1 - Math.exp(-2 * kappa))) / kappa;
    return Math.acos(Math.max(-1.0, 1 - oneMinusCos));
  }

  /** The area of the credible cap holding probability {@code level}, deg^2. */
  double capAreaDeg2(double level) {
    return 2 * Math.PI * (1 - Math.cos(capRadiusRad(level))) * DEG2_PER_SR;
  }

  /** The density at angle {@code thetaRad} from the centre, per steradian. */
  double probDensityPerSr(double thetaRad) {
    return kappa / (2 * Math.PI * -Math.expm1(-2 * kappa)) * Math.exp(kappa * (Math.cos(thetaRad) - 1));
  }

  /** The finest order used: about {@value #FINE_PIXELS_PER_AREA90} pixels in the 90% region. */
  int fineOrder() {
    double targetPixelSr = capAreaDeg2(0.9) / DEG2_PER_SR / FINE_PIXELS_PER_AREA90;
    int order = MIN_FINE_ORDER;
    while (order < MAX_FINE_ORDER && Healpix.pixelAreaSr(order) > targetPixelSr) {
      order++;
    }
    return order;
  }

  /**
   * The map as NUNIQ rows tiling the sphere exactly once, densities at pixel centres normalised so
   * that the sum of density times pixel area is 1, with a distance ansatz that is the same in every
   * direction ({@code DISTMU = distMeanMpc}, {@code DISTSIGMA = distStdMpc}, DISTNORM from the
   * normalisation of {@code r^2 N(r; mu, sigma)}, accurate for mu >> sigma).
   */
  MultiOrderSkymap toSkymap(String objectId, double distMeanMpc, double distStdMpc) {
    int fine = fineOrder();
    double refineRad = capRadiusRad(REFINE_CREDIBLE_LEVEL);
    List<long[]> pixels = new ArrayList<>();
    for (long ipix = 0; ipix < 12; ipix++) {
      collect(0, ipix, fine, refineRad, pixels);
    }
    int n = pixels.size();
    List<Long> uniq = new ArrayList<>(n);
    double[] density = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      int order = (int) pixels.get(i)[0];
      long ipix = pixels.get(i)[1];
      uniq.add(Nuniq.encode(order, ipix));
      double[] raDec = Healpix.pixelCentreDeg(order, ipix);
      density[i] = probDensityPerSr(centre.angleToRad(new SkyDirection(raDec[0], raDec[1])));
      total += density[i] * Healpix.pixelAreaSr(order);
    }
    List<Double> probDensity = new ArrayList<>(n);
    List<Double> distMu = new ArrayList<>(n);
    List<Double> distSigma = new ArrayList<>(n);
    List<Double> distNorm = new ArrayList<>(n);
    double norm = 1.0 / (distMeanMpc * distMeanMpc + distStdMpc * distStdMpc);
    for (int i = 0; i < n; i++) {
      probDensity.add(density[i] / total);
      distMu.add(distMeanMpc);
      distSigma.add(distStdMpc);
      distNorm.add(norm);
    }
    return MultiOrderSkymap.newBuilder()
        .setUniq(uniq)
        .setProbdensityPerSr(probDensity)
        .setDistmuMpc(distMu)
        .setDistsigmaMpc(distSigma)
        .setDistnormPerMpc2(distNorm)
        .setDistmeanMpc(distMeanMpc)
        .setDiststdMpc(distStdMpc)
        .setObject(objectId)
        .setDateObs(null)
        .setMaxOrder(fine)
        .build();
  }

  /** Depth-first refinement: a pixel is split while it may reach into the refinement cap. */
  private void collect(int order, long ipix, int fine, double refineRad, List<long[]> out) {
    double[] raDec = Healpix.pixelCentreDeg(order, ipix);
    double distance = centre.angleToRad(new SkyDirection(raDec[0], raDec[1]));
    // A HEALPix pixel fits in a circle of about 1.4 times the square root of its area.
    double pixelRadiusRad = 1.5 * Math.sqrt(Healpix.pixelAreaSr(order));
    if (order == fine || distance > refineRad + pixelRadiusRad) {
      out.add(new long[] {order, ipix});
      return;
    }
    for (long child = 4 * ipix; child < 4 * ipix + 4; child++) {
      collect(order + 1, child, fine, refineRad, out);
    }
  }
}
