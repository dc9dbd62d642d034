package org.leain.sim.localization;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leain.sky.healpix.Healpix;
import org.leain.sky.healpix.Nuniq;

/**
 * Draws a mock GW localization for an event at a true position and distance.
 *
 * <ul>
 *   <li>90% area log-uniform in [10, 3000] deg^2: LISA-like massive-black-hole binaries localise
 *       to ~1-100 deg^2 at high SNR and to thousands of deg^2 near threshold, and LVK-style alerts
 *       span tens to thousands of deg^2.
 *   <li>Sky density: von Mises-Fisher with concentration kappa = 2 pi ln(10) / A90 (for kappa &gt;&gt; 1
 *       its 90% region is a cap of that area), centred on a point drawn from the same distribution
 *       around the truth, so the truth is a fair draw from the map (the map is calibrated).
 *   <li>Distance: mean = the true D_L, relative uncertainty 0.05 sqrt(A90 / 10 deg^2) clipped to
 *       [0.05, 0.5] (better localised events have higher SNR and better distances); DISTMU,
 *       DISTSIGMA, DISTNORM from {@link DistanceMoments}, the same in every pixel.
 *   <li>Multi-order tiling: order 3 everywhere, pixels refined (nested children) while their centre
 *       lies within 6 sigma + one pixel of the centre and they are coarser than sigma/2, sigma =
 *       kappa^(-1/2); density at each pixel centre, normalised so sum(density x area) = 1.
 * </ul>
 * Thread-safe (stateless).
 */
public final class MockLocalizer {

  /** Smallest 90% area drawn, deg^2. */
  public static final double MIN_AREA90_DEG2 = 10.0;
  /** Largest 90% area drawn, deg^2. */
  public static final double MAX_AREA90_DEG2 = 3000.0;

  private static final double DEG2_PER_SR = Math.pow(180.0 / Math.PI, 2);
  private static final int BASE_ORDER = 3;
  private static final int MAX_ORDER = 12;

  /** A localization for an event at (raDeg, decDeg) and distance {@code distanceMpc}. */
  public MockLocalization localize(double trueRaDeg, double trueDecDeg, double distanceMpc,
      SplittableRandom random) {
    double lnLo = Math.log(MIN_AREA90_DEG2);
    double lnHi = Math.log(MAX_AREA90_DEG2);
    double area90Deg2 = Math.exp(lnLo + (lnHi - lnLo) * random.nextDouble());
    double kappa = 2.0 * Math.PI * Math.log(10.0) / (area90Deg2 / DEG2_PER_SR);
    double[] truth = unitVector(trueRaDeg, trueDecDeg);
    double[] centre = fisherDraw(truth, kappa, random);
    double centreRaDeg = Math.toDegrees(Math.atan2(centre[1], centre[0]));
    if (centreRaDeg < 0) {
      centreRaDeg += 360.0;
    }
    double centreDecDeg = Math.toDegrees(Math.asin(Math.max(-1.0, Math.min(1.0, centre[2]))));

    double relative = Math.max(0.05, Math.min(0.5, 0.05 * Math.sqrt(area90Deg2 / 10.0)));
    double stdMpc = relative * distanceMpc;
    double[] ansatz = DistanceMoments.ansatzFor(distanceMpc, stdMpc);

    List<long[]> pixels = new ArrayList<>();
    double sigmaRad = 1.0 / Math.sqrt(kappa);
    for (long ipix = 0; ipix < Healpix.pixelCount(BASE_ORDER); ipix++) {
      refine(BASE_ORDER, ipix, centre, sigmaRad, pixels);
    }
    int n = pixels.size();
    long[] uniq = new long[n];
    double[] density = new double[n];
    double total = 0.0;
    for (int k = 0; k < n; k++) {
      int order = (int) pixels.get(k)[0];
      long ipix = pixels.get(k)[1];
      uniq[k] = Nuniq.encode(order, ipix);
      double[] c = Healpix.pixelCentreDeg(order, ipix);
      double cosAngle = dot(unitVector(c[0], c[1]), centre);
      density[k] = fisherDensityPerSr(cosAngle, kappa);
      total += density[k] * Healpix.pixelAreaSr(order);
    }
    for (int k = 0; k < n; k++) {
      density[k] /= total;
    }
    return new MockLocalization(trueRaDeg, trueDecDeg, distanceMpc, centreRaDeg, centreDecDeg,
        area90Deg2, distanceMpc, stdMpc, ansatz[0], ansatz[1], ansatz[2], uniq, density);
  }

  private static void refine(int order, long ipix, double[] centre, double sigmaRad,
      List<long[]> out) {
    double pixelSizeRad = Math.sqrt(Healpix.pixelAreaSr(order));
    double[] c = Healpix.pixelCentreDeg(order, ipix);
    double angle = Math.acos(Math.max(-1.0, Math.min(1.0, dot(unitVector(c[0], c[1]), centre))));
    boolean near = angle < 6.0 * sigmaRad + 1.5 * pixelSizeRad;
    if (near && pixelSizeRad > 0.5 * sigmaRad && order < MAX_ORDER) {
      for (long child = 4 * ipix; child < 4 * ipix + 4; child++) {
        refine(order + 1, child, centre, sigmaRad, out);
      }
    } else {
      out.add(new long[] {order, ipix});
    }
  }

  /** Fisher density kappa / (2 pi (1 - e^-2kappa)) exp(kappa (cos - 1)), per steradian. */
  static double fisherDensityPerSr(double cosAngle, double kappa) {
    return kappa / (2.0 * Math.PI * -Math.expm1(-2.0 * kappa)) * Math.exp(kappa * (cosAngle - 1.0));
  }

  /** A von Mises-Fisher draw around the unit vector {@code mean}. */
  static double[] fisherDraw(double[] mean, double kappa, SplittableRandom random) {
    double u = random.nextDouble();
    double cosT = 1.0 + Math.log1p(-u * -Math.expm1(-2.0 * kappa)) / kappa;
    cosT = Math.max(-1.0, Math.min(1.0, cosT));
    double sinT = Math.sqrt(1.0 - cosT * cosT);
    double phi = 2.0 * Math.PI * random.nextDouble();
    double[] a = Math.abs(mean[2]) < 0.9 ? new double[] {0, 0, 1} : new double[] {1, 0, 0};
    double[] e1 = normalise(cross(mean, a));
    double[] e2 = cross(mean, e1);
    double[] v = new double[3];
    for (int i = 0; i < 3; i++) {
      v[i] = cosT * mean[i] + sinT * (Math.cos(phi) * e1[i] + Math.sin(phi) * e2[i]);
    }
    return normalise(v);
  }

  static double[] unitVector(double raDeg, double decDeg) {
    double ra = Math.toRadians(raDeg);
    double dec = Math.toRadians(decDeg);
    return new double[] {Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
  }

  static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }

  private static double[] cross(double[] a, double[] b) {
    return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
        a[0] * b[1] - a[1] * b[0]};
  }

  private static double[] normalise(double[] v) {
    double n = Math.sqrt(dot(v, v));
    return new double[] {v[0] / n, v[1] / n, v[2] / n};
  }
}
