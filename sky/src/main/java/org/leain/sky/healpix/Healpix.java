package org.leain.sky.healpix;

/**
 * HEALPix pixel arithmetic in the NESTED scheme at orders 0..{@value #MAX_ORDER}, plus RING to
 * NESTED conversion for reading flat maps. Exactly equal to healpy on the committed vectors.
 *
 * <p>Angles: sky positions are given as right ascension and declination in degrees (ICRS as used by
 * LVK maps, {@code phi = ra}, {@code theta = 90 deg - dec}); pixel centres are returned both ways.
 * Thread-safe (stateless).
 */
public final class Healpix {

  /** The deepest order whose NESTED index fits a long with room for NUNIQ (nside = 2^29). */
  public static final int MAX_ORDER = 29;

  private static final double HALF_PI = 0.5 * Math.PI;
  private static final double TWO_THIRDS = 2.0 / 3.0;
  // Face layout: ring number (in units of nside) and longitude index of each base face's corner.
  private static final int[] JRLL = {2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4};
  private static final int[] JPLL = {1, 3, 5, 7, 0, 2, 4, 6, 1, 3, 5, 7};

  private Healpix() {}

  /** {@code 2^order}: pixels along a base face's side. */
  public static long nside(int order) {
    checkOrder(order);
    return 1L << order;
  }

  /** Number of pixels on the sphere at an order: {@code 12 * 4^order}. */
  public static long pixelCount(int order) {
    checkOrder(order);
    return 12L << (2 * order);
  }

  /** Area of one pixel at an order, {@code (pi/3) / 4^order} steradians. */
  public static double pixelAreaSr(int order) {
    checkOrder(order);
    return (Math.PI / 3.0) / (double) (1L << (2 * order));
  }

  /**
   * The NESTED index of the pixel containing a sky position.
   *
   * @param order 0..29
   * @param raDeg right ascension in degrees, any value (taken modulo 360)
   * @param decDeg declination in degrees, in [-90, 90]
   */
  public static long ang2pixNested(int order, double raDeg, double decDeg) {
    checkOrder(order);
    if (!(decDeg >= -90.0 && decDeg <= 90.0)) {
      throw new IllegalArgumentException("Expected decDeg in [-90, 90]. Actual: " + decDeg);
    }
    if (!Double.isFinite(raDeg)) {
      throw new IllegalArgumentException("Expected a finite raDeg. Actual: " + raDeg);
    }
    // The same arithmetic as healpy's lonlat path (theta = pi/2 - radians(dec), z = cos(theta)), so
    // that points exactly on a pixel boundary (e.g. dec = 0) fall on the same side as in healpy.
    double thetaRad = HALF_PI - Math.toRadians(decDeg);
    return ang2pixNestedRad(order, thetaRad, Math.toRadians(raDeg));
  }

  /**
   * The NESTED index of the pixel containing colatitude {@code thetaRad} in [0, pi] and longitude
   * {@code phiRad} (any value). Near the poles (theta within 0.01 rad of a pole) {@code sin(theta)}
   * is passed separately, as HEALPix does, because {@code 1 - |cos(theta)|} has lost its precision.
   */
  public static long ang2pixNestedRad(int order, double thetaRad, double phiRad) {
    checkOrder(order);
    if (!(thetaRad >= 0.0 && thetaRad <= Math.PI) || !Double.isFinite(phiRad)) {
      throw new IllegalArgumentException(
          "Expected thetaRad in [0, pi] and a finite phiRad. Actual: " + thetaRad + ", " + phiRad);
    }
    boolean nearPole = thetaRad < 0.01 || thetaRad > 3.14159 - 0.01;
    double sinTheta = nearPole ? Math.sin(thetaRad) : Double.NaN;
    return locToNested(order, Math.cos(thetaRad), sinTheta, phiRad);
  }

  /**
   * The NESTED index from {@code z = cos(theta)}, {@code sinTheta} (NaN when not supplied) and
   * {@code phi} in radians (HEALPix's loc2pix with the separate sin(theta) branch).
   */
  static long locToNested(int order, double z, double sinTheta, double phiRad) {
    long nside = 1L << order;
    double za = Math.abs(z);
    double tt = phiRad / HALF_PI;
    tt = tt - 4.0 * Math.floor(tt / 4.0);
    if (tt >= 4.0 || tt < 0.0) {
      tt = 0.0;
    }
    int face;
    long ix;
    long iy;
    if (za <= TWO_THIRDS) {
      double temp1 = nside * (0.5 + tt);
      double temp2 = nside * (z * 0.75);
      long jp = (long) (temp1 - temp2);
      long jm = (long) (temp1 + temp2);
      long ifp = jp >> order;
      long ifm = jm >> order;
      face = (int) ((ifp == ifm) ? (ifp | 4) : ((ifp < ifm) ? ifp : (ifm + 8)));
      ix = jm & (nside - 1);
      iy = nside - (jp & (nside - 1)) - 1;
    } else {
      int ntt = Math.min(3, (int) tt);
      double tp = tt - ntt;
      double tmp = (za < 0.99 || Double.isNaN(sinTheta)) ? nside * Math.sqrt(3.0 * (1.0 - za))
          : nside * sinTheta / Math.sqrt((1.0 + za) / 3.0);
      long jp = (long) (tp * tmp);
      long jm = (long) ((1.0 - tp) * tmp);
      jp = Math.min(jp, nside - 1);
      jm = Math.min(jm, nside - 1);
      if (z >= 0) {
        face = ntt;
        ix = nside - jm - 1;
        iy = nside - jp - 1;
      } else {
        face = ntt + 8;
        ix = jp;
        iy = jm;
      }
    }
    return xyfToNested(order, ix, iy, face);
  }

  /**
   * The centre of a NESTED pixel as {@code {thetaRad, phiRad}} (colatitude, longitude), computed as
   * HEALPix does (with the sin(theta) branch near the poles), within 1e-12 rad of healpy.
   */
  public static double[] pix2angNested(int order, long ipix) {
    checkPixel(order, ipix);
    long nside = 1L << order;
    long npix = 12L << (2 * order);
    double fact2 = 4.0 / npix;
    double fact1 = (nside << 1) * fact2;
    int face = (int) (ipix >> (2 * order));
    long inFace = ipix & ((1L << (2 * order)) - 1);
    long ix = compact(inFace);
    long iy = compact(inFace >>> 1);
    long jr = ((long) JRLL[face] << order) - ix - iy - 1;
    long nr;
    double z;
    double sinTheta = Double.NaN;
    if (jr < nside) {
      nr = jr;
      double tmp = (double) (nr * nr) * fact2;
      z = 1 - tmp;
      if (z > 0.99) {
        sinTheta = Math.sqrt(tmp * (2.0 - tmp));
      }
    } else if (jr > 3 * nside) {
      nr = nside * 4 - jr;
      double tmp = (double) (nr * nr) * fact2;
      z = tmp - 1;
      if (z < -0.99) {
        sinTheta = Math.sqrt(tmp * (2.0 - tmp));
      }
    } else {
      nr = nside;
      z = (2 * nside - jr) * fact1;
    }
    long tmp = (long) JPLL[face] * nr + ix - iy;
    if (tmp < 0) {
      tmp += 8 * nr;
    }
    double phi = (nr == nside) ? 0.75 * HALF_PI * tmp * fact1 : (0.5 * HALF_PI * tmp) / nr;
    double theta = Double.isNaN(sinTheta) ? Math.acos(z) : Math.atan2(sinTheta, z);
    return new double[] {theta, phi};
  }

  /** The centre of a NESTED pixel as {@code {raDeg, decDeg}}, RA in [0, 360). */
  public static double[] pixelCentreDeg(int order, long ipix) {
    double[] thetaPhi = pix2angNested(order, ipix);
    return new double[] {Math.toDegrees(thetaPhi[1]), 90.0 - Math.toDegrees(thetaPhi[0])};
  }

  /** Converts a RING index to the NESTED index of the same pixel. */
  public static long ringToNested(int order, long ipixRing) {
    checkPixel(order, ipixRing);
    long nside = 1L << order;
    long npix = 12L << (2 * order);
    long ncap = 2 * nside * (nside - 1);
    long nl2 = 2 * nside;
    long iring;
    long iphi;
    long kshift;
    long nr;
    int face;
    if (ipixRing < ncap) {
      iring = (1 + isqrt(1 + 2 * ipixRing)) >> 1;
      iphi = (ipixRing + 1) - 2 * iring * (iring - 1);
      kshift = 0;
      nr = iring;
      face = (int) ((iphi - 1) / nr);
    } else if (ipixRing < npix - ncap) {
      long ip = ipixRing - ncap;
      long tmp = ip >> (order + 2);
      iring = tmp + nside;
      iphi = ip - tmp * 4 * nside + 1;
      kshift = (iring + nside) & 1;
      nr = nside;
      long ire = tmp + 1;
      long irm = nl2 + 1 - tmp;
      long ifm = (iphi - (ire >> 1) + nside - 1) >> order;
      long ifp = (iphi - (irm >> 1) + nside - 1) >> order;
      face = (int) ((ifp == ifm) ? (ifp | 4) : ((ifp < ifm) ? ifp : (ifm + 8)));
    } else {
      long ip = npix - ipixRing;
      iring = (1 + isqrt(2 * ip - 1)) >> 1;
      iphi = 4 * iring + 1 - (ip - 2 * iring * (iring - 1));
      kshift = 0;
      nr = iring;
      iring = 2 * nl2 - iring;
      face = (int) ((iphi - 1) / nr) + 8;
    }
    long irt = iring - ((2 + (face >> 2)) * nside) + 1;
    long ipt = 2 * iphi - JPLL[face] * nr - kshift - 1;
    if (ipt >= nl2) {
      ipt -= 8 * nside;
    }
    long ix = (ipt - irt) >> 1;
    long iy = (-ipt - irt) >> 1;
    return xyfToNested(order, ix, iy, face);
  }

  /**
   * The NESTED index of the pixel at {@code coarseOrder} that contains NESTED pixel {@code ipix} at
   * {@code order} ({@code coarseOrder <= order}).
   */
  public static long parentNested(int order, long ipix, int coarseOrder) {
    checkPixel(order, ipix);
    if (coarseOrder < 0 || coarseOrder > order) {
      throw new IllegalArgumentException(
          "Expected coarseOrder in [0, " + order + "]. Actual: " + coarseOrder);
    }
    return ipix >> (2 * (order - coarseOrder));
  }

  static long xyfToNested(int order, long ix, long iy, int face) {
    return ((long) face << (2 * order)) + spread(ix) + (spread(iy) << 1);
  }

  /** Spreads the low 32 bits of v to the even bit positions. */
  static long spread(long v) {
    long x = v & 0xFFFFFFFFL;
    x = (x | (x << 16)) & 0x0000FFFF0000FFFFL;
    x = (x | (x << 8)) & 0x00FF00FF00FF00FFL;
    x = (x | (x << 4)) & 0x0F0F0F0F0F0F0F0FL;
    x = (x | (x << 2)) & 0x3333333333333333L;
    x = (x | (x << 1)) & 0x5555555555555555L;
    return x;
  }

  /** Inverse of {@link #spread}: gathers the even bits of v. */
  static long compact(long v) {
    long x = v & 0x5555555555555555L;
    x = (x | (x >>> 1)) & 0x3333333333333333L;
    x = (x | (x >>> 2)) & 0x0F0F0F0F0F0F0F0FL;
    x = (x | (x >>> 4)) & 0x00FF00FF00FF00FFL;
    x = (x | (x >>> 8)) & 0x0000FFFF0000FFFFL;
    x = (x | (x >>> 16)) & 0x00000000FFFFFFFFL;
    return x;
  }

  /** Integer square root (floor), exact for all non-negative longs used here. */
  static long isqrt(long v) {
    long r = (long) Math.sqrt((double) v);
    while (r * r > v) {
      r--;
    }
    while ((r + 1) * (r + 1) <= v) {
      r++;
    }
    return r;
  }

  static void checkOrder(int order) {
    if (order < 0 || order > MAX_ORDER) {
      throw new IllegalArgumentException("Expected order in [0, 29]. Actual: " + order);
    }
  }

  static void checkPixel(int order, long ipix) {
    checkOrder(order);
    if (ipix < 0 || ipix >= (12L << (2 * order))) {
      throw new IllegalArgumentException("Expected ipix in [0, 12*4^" + order + "). Actual: " + ipix);
    }
  }
}
