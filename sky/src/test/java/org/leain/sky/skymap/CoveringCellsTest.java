package org.leain.sky.skymap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leain.sky.healpix.Healpix;
import org.leain.sky.healpix.Nuniq;
import org.leain.sky.testdata.TestData;

class CoveringCellsTest {

  private static final SkymapIndex BAYESTAR =
      SkymapReader.read(TestData.dataBytes("lvk/bayestar.multiorder.fits")).index();

  @ParameterizedTest
  @ValueSource(ints = {3, 6, 8, 12})
  void everyTargetWithSearchedProbAtMost90Percent_liesInACoveringCell(int joinOrder) {
    long[] cells = BAYESTAR.coveringCells(joinOrder, 0.9);
    SplittableRandom random = new SplittableRandom(42);
    int inside = 0;
    for (int i = 0; i < 200_000; i++) {
      // Points around the localization (RA 185-205, Dec -30..-10) so that many are inside.
      double ra = 185 + 20 * random.nextDouble();
      double dec = -30 + 20 * random.nextDouble();
      if (BAYESTAR.searchedProbability(ra, dec) <= 0.9) {
        inside++;
        long cell = Healpix.ang2pixNested(joinOrder, ra, dec);
        assertTrue(Arrays.binarySearch(cells, cell) >= 0, "cell of " + ra + "," + dec);
      }
    }
    assertTrue(inside > 10_000, "inside " + inside);
  }

  @Test
  void coveringCells_equalABruteForceOverlapCheck_atOrder6() {
    int join = 6;
    int ranks = BAYESTAR.credibleRegionSize(0.9);
    boolean[] expected = new boolean[(int) Healpix.pixelCount(join)];
    for (int r = 0; r < ranks; r++) {
      long uniq = BAYESTAR.uniqAt(r);
      int order = Nuniq.order(uniq);
      long lo = Nuniq.ipix(uniq) << (2 * (29 - order));
      long hi = (Nuniq.ipix(uniq) + 1) << (2 * (29 - order));
      for (int c = 0; c < expected.length; c++) {
        long clo = (long) c << (2 * (29 - join));
        long chi = (long) (c + 1) << (2 * (29 - join));
        if (lo < chi && clo < hi) {
          expected[c] = true;
        }
      }
    }
    long[] want = java.util.stream.IntStream.range(0, expected.length).filter(c -> expected[c])
        .asLongStream().toArray();
    assertArrayEquals(want, BAYESTAR.coveringCells(join, 0.9));
  }

  @Test
  void regionConvention_includesThePixelThatCrossesTheLevel() {
    int size = BAYESTAR.credibleRegionSize(0.9);
    assertTrue(BAYESTAR.cumulativeProbability(size - 1) > 0.9);
    assertTrue(BAYESTAR.cumulativeProbability(size - 2) <= 0.9);
  }

  @Test
  void pixelsCoarserThanTheJoinOrder_expandToAllTheirDescendants() {
    // Base pixel 0 split into four order-1 children holding all the probability (except a trace).
    long[] uniq = new long[15];
    double[] density = new double[15];
    for (int i = 1; i < 12; i++) {
      uniq[i - 1] = Nuniq.encode(0, i);
      density[i - 1] = 1e-9;
    }
    double rest = 1 - 11 * 1e-9 * Healpix.pixelAreaSr(0);
    for (int c = 0; c < 4; c++) {
      uniq[11 + c] = Nuniq.encode(1, c);
      density[11 + c] = (c == 0 ? 0.7 : 0.1) * rest / Healpix.pixelAreaSr(1);
    }
    SkymapIndex index = Skymap.of(uniq, density, null, null, null, null).index();
    // 90%: children 0 (0.7), then 1 and 2 (0.8, 0.9 minus a trace... <= 0.9) and 3 crosses: all four.
    long[] cells = index.coveringCells(3, 0.9);
    assertEquals(4 * 16, cells.length);
    assertEquals(0, cells[0]);
    assertEquals(63, cells[63]);
    // 50%: only child 0, i.e. order-3 cells 0..15.
    long[] half = index.coveringCells(3, 0.5);
    assertArrayEquals(java.util.stream.LongStream.range(0, 16).toArray(), half);
    // Full sky: every cell (bit-set path); deep join order (sorting path): all 4^10 descendants.
    assertEquals(Healpix.pixelCount(3), index.coveringCells(3, 1.0).length);
    long[] deep = index.coveringCells(11, 0.5);
    assertEquals(1L << 20, deep.length);
    assertEquals((1L << 20) - 1, deep[deep.length - 1]);
  }
}
