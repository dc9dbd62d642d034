package org.leain.sky.healpix;

/**
 * The NUNIQ packing of (order, NESTED index) into one long: {@code uniq = 4 * 4^order + ipix}.
 * Decoding uses integer arithmetic only (a floating-point log would misround at high orders).
 * Thread-safe (stateless).
 */
public final class Nuniq {

  private Nuniq() {}

  /** {@code 4 * 4^order + ipix}. */
  public static long encode(int order, long ipix) {
    Healpix.checkPixel(order, ipix);
    return (4L << (2 * order)) + ipix;
  }

  /** Whether a long is the NUNIQ value of some pixel at order 0..29. */
  public static boolean isValid(long uniq) {
    if (uniq < 4) {
      return false;
    }
    int order = (63 - Long.numberOfLeadingZeros(uniq)) / 2 - 1;
    return order <= Healpix.MAX_ORDER && uniq - (4L << (2 * order)) < (12L << (2 * order));
  }

  /** The order of a NUNIQ value: {@code (63 - nlz(uniq)) / 2 - 1}. */
  public static int order(long uniq) {
    check(uniq);
    return (63 - Long.numberOfLeadingZeros(uniq)) / 2 - 1;
  }

  /** The NESTED index of a NUNIQ value: {@code uniq - 4 * 4^order}. */
  public static long ipix(long uniq) {
    return uniq - (4L << (2 * order(uniq)));
  }

  /** The pixel area of a NUNIQ value in steradians. */
  public static double pixelAreaSr(long uniq) {
    return Healpix.pixelAreaSr(order(uniq));
  }

  private static void check(long uniq) {
    if (!isValid(uniq)) {
      throw new IllegalArgumentException(
          "Expected a NUNIQ value 4*4^order + ipix with order in [0, 29]. Actual: " + uniq);
    }
  }
}
