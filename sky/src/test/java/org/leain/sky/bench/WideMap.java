package org.leain.sky.bench;

import java.util.ArrayList;
import java.util.List;
import org.leain.sky.healpix.Healpix;
import org.leain.sky.healpix.Nuniq;
import org.leain.sky.skymap.Skymap;

/**
 * A synthetic wide multi-order map: a von Mises-Fisher density (kappa 11.9, whose 90% region is
 * ~4,000 deg^2: area90 = 2 pi ln(10) / kappa sr) around (RA 120, Dec -30); order-8 pixels within
 * 60 degrees of the centre, order-5 pixels elsewhere (a BAYESTAR-like mix of resolutions).
 */
final class WideMap {

  static final double KAPPA = 11.9;

  private WideMap() {}

  static Skymap build() {
    double[] c = unit(120.0, -30.0);
    double cosInner = Math.cos(Math.toRadians(60.0));
    List<Long> uniq = new ArrayList<>();
    List<Double> density = new ArrayList<>();
    for (long p5 = 0; p5 < Healpix.pixelCount(5); p5++) {
      double[] centre = Healpix.pixelCentreDeg(5, p5);
      if (dot(unit(centre[0], centre[1]), c) >= cosInner) {
        for (long child = p5 << 6; child < (p5 + 1) << 6; child++) {
          double[] cc = Healpix.pixelCentreDeg(8, child);
          uniq.add(Nuniq.encode(8, child));
          density.add(vmf(dot(unit(cc[0], cc[1]), c)));
        }
      } else {
        uniq.add(Nuniq.encode(5, p5));
        density.add(vmf(dot(unit(centre[0], centre[1]), c)));
      }
    }
    long[] u = new long[uniq.size()];
    double[] d = new double[uniq.size()];
    double total = 0;
    for (int i = 0; i < u.length; i++) {
      u[i] = uniq.get(i);
      d[i] = density.get(i);
      total += d[i] * Nuniq.pixelAreaSr(u[i]);
    }
    for (int i = 0; i < d.length; i++) {
      d[i] /= total;
    }
    return Skymap.of(u, d, null, null, null, null);
  }

  private static double vmf(double cosAngle) {
    return Math.exp(KAPPA * (cosAngle - 1.0));
  }

  private static double[] unit(double raDeg, double decDeg) {
    double ra = Math.toRadians(raDeg);
    double dec = Math.toRadians(decDeg);
    return new double[] {Math.cos(dec) * Math.cos(ra), Math.cos(dec) * Math.sin(ra), Math.sin(dec)};
  }

  private static double dot(double[] a, double[] b) {
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
  }
}
