package org.leain.sky.healpix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leain.sky.testdata.TestData;

/** The HEALPix core against healpy vectors (sky/src/test/python/make_healpy_vectors.py). */
class HealpixTest {

  @Test
  void ang2pixNested_equalsHealpy_forRandomPointsPolesAndRaWrap_atOrders0To29() {
    List<String[]> rows = TestData.csvResource("healpy/ang2pix.csv.gz");
    assertTrue(rows.size() >= 20_000, "expected >= 20,000 vectors, got " + rows.size());
    List<String> mismatches = new ArrayList<>();
    for (String[] r : rows) {
      double ra = Double.parseDouble(r[0]);
      double dec = Double.parseDouble(r[1]);
      int order = Integer.parseInt(r[2]);
      long expected = Long.parseLong(r[3]);
      long actual = Healpix.ang2pixNested(order, ra, dec);
      if (actual != expected) {
        mismatches.add(String.join(",", r) + " -> " + actual);
      }
    }
    assertEquals(List.of(), mismatches.subList(0, Math.min(10, mismatches.size())),
        mismatches.size() + " mismatches");
  }

  @Test
  void pix2angNested_isWithin1e12RadOfHealpy_atOrders0To29() {
    List<String[]> rows = TestData.csvResource("healpy/pix2ang.csv.gz");
    double worst = 0;
    for (String[] r : rows) {
      int order = Integer.parseInt(r[0]);
      long ipix = Long.parseLong(r[1]);
      double[] thetaPhi = Healpix.pix2angNested(order, ipix);
      worst = Math.max(worst, Math.abs(thetaPhi[0] - Double.parseDouble(r[2])));
      worst = Math.max(worst, Math.abs(thetaPhi[1] - Double.parseDouble(r[3])));
    }
    assertTrue(worst <= 1e-12, "worst difference " + worst + " rad");
  }

  @Test
  void ringToNested_equalsHealpy_atOrders0To29() {
    for (String[] r : TestData.csvResource("healpy/ring2nest.csv.gz")) {
      int order = Integer.parseInt(r[0]);
      assertEquals(Long.parseLong(r[2]), Healpix.ringToNested(order, Long.parseLong(r[1])),
          () -> String.join(",", r));
    }
  }

  @Test
  void pixelCentre_mapsBackToItsOwnPixel_atEveryOrder() {
    for (int order = 0; order <= Healpix.MAX_ORDER; order++) {
      long npix = Healpix.pixelCount(order);
      for (long ipix : new long[] {0, 1, npix / 3, npix / 2 + 5, npix - 1}) {
        double[] c = Healpix.pixelCentreDeg(order, ipix);
        assertEquals(ipix, Healpix.ang2pixNested(order, c[0], c[1]), "order " + order);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {-10.0, 350.0, 710.0, -370.0})
  void rightAscension_isTakenModulo360(double raDeg) {
    for (int order : new int[] {0, 6, 17, 29}) {
      assertEquals(Healpix.ang2pixNested(order, 350.0, -12.5), Healpix.ang2pixNested(order, raDeg, -12.5));
    }
  }

  @Test
  void coarserOrder_isTheParentOfTheFinerPixel_forTheSamePosition() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      double ra = 360 * random.nextDouble();
      double dec = Math.toDegrees(Math.asin(2 * random.nextDouble() - 1));
      long fine = Healpix.ang2pixNested(29, ra, dec);
      for (int order : new int[] {0, 6, 11, 20}) {
        assertEquals(Healpix.parentNested(29, fine, order), Healpix.ang2pixNested(order, ra, dec));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 5, 11, 29})
  void pixelAreas_sumToTheFullSphere(int order) {
    assertEquals(4 * Math.PI, Healpix.pixelAreaSr(order) * Healpix.pixelCount(order), 1e-12);
  }

  @Test
  void nuniq_roundTripsOrderAndIndex_withIntegerArithmetic_upToOrder29() {
    for (int order = 0; order <= Healpix.MAX_ORDER; order++) {
      long npix = Healpix.pixelCount(order);
      for (long ipix : new long[] {0, npix / 2, npix - 1}) {
        long uniq = Nuniq.encode(order, ipix);
        assertEquals(order, Nuniq.order(uniq));
        assertEquals(ipix, Nuniq.ipix(uniq));
      }
    }
    assertEquals(4L, Nuniq.encode(0, 0));
    assertEquals((1L << 62) - 1, Nuniq.encode(29, Healpix.pixelCount(29) - 1));
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 2, 3, -5, Long.MAX_VALUE, 1L << 62})
  void nuniq_rejectsValuesThatAreNoPixel(long uniq) {
    assertTrue(!Nuniq.isValid(uniq));
    assertThrows(IllegalArgumentException.class, () -> Nuniq.order(uniq));
  }

  @Test
  void ang2pix_rejectsDeclinationOutsideRange_withMessageNamingIt() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Healpix.ang2pixNested(3, 10, 91));
    assertEquals("Expected decDeg in [-90, 90]. Actual: 91.0", e.getMessage());
  }
}
