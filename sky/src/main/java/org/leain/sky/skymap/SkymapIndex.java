package org.leain.sky.skymap;

import org.leain.sky.healpix.Healpix;
import org.leain.sky.healpix.Nuniq;

/**
 * A sky map sorted once for queries, with ligo.skymap's crossmatch definitions: pixels ranked by
 * descending probability density (ties by descending UNIQ, as numpy's sort-then-flip gives);
 * cumulative probability and cumulative area at a rank include that rank's pixel. A position is
 * located by its NESTED index at the map's maximum order, searched in the pixels' sorted index
 * ranges. Immutable and thread-safe; obtain it with {@link Skymap#index()}.
 */
public final class SkymapIndex {

  /** Square degrees per steradian, {@code (180/pi)^2}. */
  public static final double DEG2_PER_SR = (180.0 / Math.PI) * (180.0 / Math.PI);

  private final Skymap map;
  private final int maxOrder;
  private final int[] rowByRank;
  private final double[] cumProb;
  private final double[] cumAreaSr;
  private final long[] rangeStarts;
  private final int[] rankByRange;
  private final double maxRaDeg;
  private final double maxDecDeg;

  SkymapIndex(Skymap map) {
    this.map = map;
    long[] uniq = map.uniqArray();
    double[] density = map.densityArray();
    int n = uniq.length;
    int mo = 0;
    for (long u : uniq) {
      mo = Math.max(mo, Nuniq.order(u));
    }
    maxOrder = mo;
    rowByRank = IndexSort.byDescendingDensity(density, uniq);
    cumProb = new double[n];
    cumAreaSr = new double[n];
    int[] rankOfRow = new int[n];
    double p = 0;
    double a = 0;
    for (int r = 0; r < n; r++) {
      int row = rowByRank[r];
      rankOfRow[row] = r;
      double area = Nuniq.pixelAreaSr(uniq[row]);
      p += density[row] * area;
      a += area;
      cumProb[r] = p;
      cumAreaSr[r] = a;
    }
    long[] starts = new long[n];
    for (int row = 0; row < n; row++) {
      starts[row] = Nuniq.ipix(uniq[row]) << (2 * (maxOrder - Nuniq.order(uniq[row])));
    }
    int[] rowByStart = IndexSort.byAscending(starts);
    rangeStarts = new long[n];
    rankByRange = new int[n];
    for (int i = 0; i < n; i++) {
      rangeStarts[i] = starts[rowByStart[i]];
      rankByRange[i] = rankOfRow[rowByStart[i]];
    }
    long top = uniq[rowByRank[0]];
    double[] centre = Healpix.pixelCentreDeg(Nuniq.order(top), Nuniq.ipix(top));
    maxRaDeg = centre[0];
    maxDecDeg = centre[1];
  }

  /** The indexed map. */
  public Skymap skymap() {
    return map;
  }

  /** The deepest order among the map's pixels. */
  public int maxOrder() {
    return maxOrder;
  }

  /** Number of pixels (ranks 0 .. size-1). */
  public int size() {
    return rowByRank.length;
  }

  /** The density rank (0 = highest density) of the pixel containing a position. */
  public int rankAt(double raDeg, double decDeg) {
    long pix = Healpix.ang2pixNested(maxOrder, raDeg, decDeg);
    int lo = 0;
    int hi = rangeStarts.length - 1;
    // Largest i with rangeStarts[i] <= pix (rangeStarts[0] == 0 for a valid map).
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (rangeStarts[mid] <= pix) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return rankByRange[lo];
  }

  /** The map row (position in the original columns) of a rank. */
  public int rowAt(int rank) {
    return rowByRank[rank];
  }

  /** Cumulative probability of ranks 0..rank (inclusive): the searched probability of that pixel. */
  public double cumulativeProbability(int rank) {
    return cumProb[rank];
  }

  /** Cumulative area of ranks 0..rank (inclusive) in steradians. */
  public double cumulativeAreaSr(int rank) {
    return cumAreaSr[rank];
  }

  /** The probability density (sr^-1) of a rank's pixel. */
  public double probDensityPerSr(int rank) {
    return map.densityArray()[rowByRank[rank]];
  }

  /** The searched probability at a position: cumulative probability of its pixel's rank. */
  public double searchedProbability(double raDeg, double decDeg) {
    return cumProb[rankAt(raDeg, decDeg)];
  }

  /** Right ascension (deg) of the centre of the maximum-density pixel. */
  public double maxRaDeg() {
    return maxRaDeg;
  }

  /** Declination (deg) of the centre of the maximum-density pixel. */
  public double maxDecDeg() {
    return maxDecDeg;
  }

  /**
   * The area (deg^2) of the credible region at a level, interpolated linearly in cumulative area
   * against cumulative probability as ligo.skymap does ({@code np.interp(p, prob, area, left=0,
   * right=4 pi sr)}).
   */
  public double credibleAreaDeg2(double credibleLevel) {
    checkLevel(credibleLevel);
    int n = cumProb.length;
    if (credibleLevel < cumProb[0]) {
      return 0.0;
    }
    if (credibleLevel > cumProb[n - 1]) {
      return 4 * Math.PI * DEG2_PER_SR;
    }
    if (credibleLevel == cumProb[n - 1]) {
      return cumAreaSr[n - 1] * DEG2_PER_SR;
    }
    int j = lastAtMost(credibleLevel);
    double slope = (cumAreaSr[j + 1] - cumAreaSr[j]) / (cumProb[j + 1] - cumProb[j]);
    return (cumAreaSr[j] + slope * (credibleLevel - cumProb[j])) * DEG2_PER_SR;
  }

  /**
   * The area (deg^2) of the credible region at a level by the LVK/GCN recipe: the summed area of
   * the pixels ranked before {@code searchsorted(cumprob, p)} (the first rank whose cumulative
   * probability reaches p). Slightly smaller than {@link #credibleAreaDeg2}.
   */
  public double gcnCredibleAreaDeg2(double credibleLevel) {
    checkLevel(credibleLevel);
    int i = firstAtLeast(credibleLevel);
    return i == 0 ? 0.0 : cumAreaSr[i - 1] * DEG2_PER_SR;
  }

  /**
   * The number of leading ranks in the credible region at a level, by the covering convention:
   * every pixel whose cumulative probability (itself included) is {@code <= p}, plus the one pixel
   * that crosses p. Any position with searched probability {@code <= p} lies in one of them.
   */
  public int credibleRegionSize(double credibleLevel) {
    checkLevel(credibleLevel);
    int firstAbove = lastAtMost(credibleLevel) + 1;
    return Math.min(firstAbove + 1, cumProb.length);
  }

  /**
   * NESTED indices (ascending, distinct) of the cells at {@code joinOrder} that intersect the
   * credible region at a level ({@link #credibleRegionSize}). Pixels finer than the join order map
   * to their parent cell; coarser pixels expand to all their descendants at the join order.
   */
  public long[] coveringCells(int joinOrder, double credibleLevel) {
    return CoveringCells.of(this, joinOrder, credibleRegionSize(credibleLevel));
  }

  long uniqAt(int rank) {
    return map.uniqArray()[rowByRank[rank]];
  }

  /** Largest index j with cumProb[j] <= p, or -1. */
  private int lastAtMost(double p) {
    int lo = -1;
    int hi = cumProb.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (cumProb[mid] <= p) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /** Smallest index i with cumProb[i] >= p (numpy searchsorted, side left), or n. */
  private int firstAtLeast(double p) {
    int lo = 0;
    int hi = cumProb.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumProb[mid] < p) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static void checkLevel(double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("Expected a credible level in [0, 1]. Actual: " + p);
    }
  }
}
