package org.leain.sky.skymap;

import java.util.Arrays;
import java.util.BitSet;
import org.leain.sky.healpix.Healpix;
import org.leain.sky.healpix.Nuniq;

/** The cells at a coarse order that intersect the leading ranks of an index. */
final class CoveringCells {

  /** Up to this order the cells are collected in a bit set over the whole sphere (1.5 MB at 10). */
  private static final int MAX_BITSET_ORDER = 10;

  private CoveringCells() {}

  static long[] of(SkymapIndex index, int joinOrder, int ranks) {
    if (joinOrder < 0 || joinOrder > Healpix.MAX_ORDER) {
      throw new IllegalArgumentException("Expected joinOrder in [0, 29]. Actual: " + joinOrder);
    }
    return joinOrder <= MAX_BITSET_ORDER ? viaBitSet(index, joinOrder, ranks)
        : viaSort(index, joinOrder, ranks);
  }

  private static long[] viaBitSet(SkymapIndex index, int joinOrder, int ranks) {
    BitSet cells = new BitSet((int) Healpix.pixelCount(joinOrder));
    for (int r = 0; r < ranks; r++) {
      long uniq = index.uniqAt(r);
      int order = Nuniq.order(uniq);
      long ipix = Nuniq.ipix(uniq);
      if (order >= joinOrder) {
        cells.set((int) (ipix >> (2 * (order - joinOrder))));
      } else {
        int shift = 2 * (joinOrder - order);
        cells.set((int) (ipix << shift), (int) ((ipix + 1) << shift));
      }
    }
    return cells.stream().asLongStream().toArray();
  }

  private static long[] viaSort(SkymapIndex index, int joinOrder, int ranks) {
    long[] cells = new long[Math.max(16, ranks)];
    int n = 0;
    for (int r = 0; r < ranks; r++) {
      long uniq = index.uniqAt(r);
      int order = Nuniq.order(uniq);
      long ipix = Nuniq.ipix(uniq);
      long first;
      long count;
      if (order >= joinOrder) {
        first = ipix >> (2 * (order - joinOrder));
        count = 1;
      } else {
        int shift = 2 * (joinOrder - order);
        first = ipix << shift;
        count = 1L << shift;
      }
      if (n + count > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("Expected a credible region of fewer than 2^31 cells at order "
            + joinOrder + ". Actual: more");
      }
      if (n + count > cells.length) {
        cells = Arrays.copyOf(cells, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * cells.length, n + count)));
      }
      for (long c = 0; c < count; c++) {
        cells[n++] = first + c;
      }
    }
    long[] sorted = Arrays.copyOf(cells, n);
    Arrays.sort(sorted);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || sorted[i] != sorted[m - 1]) {
        sorted[m++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, m);
  }
}
