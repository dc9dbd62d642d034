package org.leain.sky.skymap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leain.sky.healpix.Nuniq;
import org.leain.sky.skymap.InvalidSkymapException.Reason;
import org.leain.sky.testdata.TestData;

class SkymapReaderTest {

  @Test
  void realBayestarMap_isRead_withItsColumnsAndHeader() {
    Skymap map = SkymapReader.read(TestData.dataBytes("lvk/bayestar.multiorder.fits"));
    assertEquals(19_200, map.size());
    assertTrue(map.hasDistance());
    assertEquals("MS181101ab", map.metadata().objectId());
    assertEquals("2018-11-01T22:22:46.654437", map.metadata().dateObs());
    assertEquals(39.76999609489013, map.metadata().distMeanMpc(), 0);
    assertEquals(8.308435058808886, map.metadata().distStdMpc(), 0);
    assertEquals(11, map.index().maxOrder());
  }

  @Test
  void gzipCompressedMap_readsTheSameAsPlain() throws Exception {
    byte[] plain = TestData.dataBytes("lvk/bayestar.multiorder.fits");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(plain);
    }
    Skymap a = SkymapReader.read(plain);
    Skymap b = SkymapReader.read(gz.toByteArray());
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i += 97) {
      assertEquals(a.uniq(i), b.uniq(i));
      assertEquals(a.probDensityPerSr(i), b.probDensityPerSr(i), 0);
    }
  }

  @Test
  void flatRingNestedAndNuniqFixtures_giveTheSameMap() {
    Skymap ring = SkymapReader.read(TestData.resourceBytes("skymap/flat32.ring.fits.gz"));
    Skymap nested = SkymapReader.read(TestData.resourceBytes("skymap/flat32.nested.fits.gz"));
    Skymap nuniq = SkymapReader.read(TestData.resourceBytes("skymap/flat32.nuniq.fits.gz"));
    assertEquals(12_288, ring.size());
    for (Skymap flat : new Skymap[] {ring, nested}) {
      for (int i = 0; i < nuniq.size(); i++) {
        assertEquals(nuniq.uniq(i), flat.uniq(i));
        assertEquals(nuniq.probDensityPerSr(i), flat.probDensityPerSr(i), 1e-12 * nuniq.probDensityPerSr(i));
        assertEquals(nuniq.distMuMpc(i), flat.distMuMpc(i), 0);
        assertEquals(nuniq.distNormPerMpc2(i), flat.distNormPerMpc2(i), 0);
      }
      assertEquals(nuniq.index().credibleAreaDeg2(0.9), flat.index().credibleAreaDeg2(0.9), 1e-9);
    }
    assertEquals("MS000000flat", ring.metadata().objectId());
  }

  @Test
  void healpyWrittenRingMap_with1024ElementRows_isReadPixelByPixel() {
    Skymap map = SkymapReader.read(TestData.resourceBytes("skymap/healpy16.ring.fits.gz"));
    assertEquals(3072, map.size());
    double area = org.leain.sky.healpix.Healpix.pixelAreaSr(4);
    for (String[] v : TestData.csvResource("skymap/healpy16.ring.prob.csv")) {
      long nested = org.leain.sky.healpix.Healpix.ringToNested(4, Long.parseLong(v[0]));
      int row = (int) nested; // flat maps become NUNIQ rows in NESTED order
      assertEquals(Nuniq.encode(4, nested), map.uniq(row));
      assertEquals(Double.parseDouble(v[1]), map.probDensityPerSr(row) * area, 1e-15);
    }
  }

  @Test
  void mapFromArrays_equalsTheMapReadFromFits() {
    Skymap fits = SkymapReader.read(TestData.dataBytes("lvk/bayestar.multiorder.fits"));
    Skymap arrays = Skymap.of(fits.uniqColumn(), fits.probDensityColumn(), fits.distMuColumn(),
        fits.distSigmaColumn(), fits.distNormColumn(), fits.metadata());
    assertEquals(fits.index().searchedProbability(197.4133, -23.3996),
        arrays.index().searchedProbability(197.4133, -23.3996), 0);
  }

  @Test
  void overlappingPixels_areRejectedAsNotATiling() {
    long[] uniq = FitsFixtures.order0Uniq();
    long[] withChild = java.util.Arrays.copyOf(uniq, 13);
    withChild[12] = Nuniq.encode(1, 0); // nested inside order-0 pixel 0
    double[] density = FitsFixtures.uniformDensity(13);
    InvalidSkymapException e = assertThrows(InvalidSkymapException.class,
        () -> Skymap.of(withChild, density, null, null, null, null));
    assertEquals(Reason.NOT_A_TILING, e.reason());
    assertTrue(e.getMessage().contains("overlap"), e.getMessage());
  }

  @Test
  void missingPixel_isRejectedAsAGap() {
    long[] uniq = java.util.Arrays.copyOf(FitsFixtures.order0Uniq(), 11); // pixel 11 missing
    InvalidSkymapException e = assertThrows(InvalidSkymapException.class,
        () -> Skymap.of(uniq, FitsFixtures.uniformDensity(11), null, null, null, null));
    assertEquals(Reason.NOT_A_TILING, e.reason());
  }

  @Test
  void splitPixelWithAllFourChildren_isAValidTiling() {
    long[] uniq = FitsFixtures.order0Uniq();
    long[] split = new long[15];
    System.arraycopy(uniq, 1, split, 0, 11);
    for (int c = 0; c < 4; c++) {
      split[11 + c] = Nuniq.encode(1, c);
    }
    Skymap map = Skymap.of(split, FitsFixtures.uniformDensity(15), null, null, null, null);
    assertEquals(15, map.size());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 3, -1, 1L << 62})
  void invalidUniqValues_areRejected(long bad) {
    long[] uniq = FitsFixtures.order0Uniq();
    uniq[5] = bad;
    InvalidSkymapException e = assertThrows(InvalidSkymapException.class,
        () -> Skymap.of(uniq, FitsFixtures.uniformDensity(12), null, null, null, null));
    assertEquals(Reason.INVALID_UNIQ, e.reason());
  }

  @Test
  void unnormalisedMap_isRejected_withTheTotalInTheMessage() {
    double[] density = FitsFixtures.uniformDensity(12);
    density[0] *= 1.001;
    InvalidSkymapException e = assertThrows(InvalidSkymapException.class,
        () -> Skymap.of(FitsFixtures.order0Uniq(), density, null, null, null, null));
    assertEquals(Reason.NOT_NORMALISED, e.reason());
    assertTrue(e.getMessage().startsWith("NOT_NORMALISED: Expected total probability 1"), e.getMessage());
  }

  @Test
  void negativeOrNanDensity_isRejected() {
    double[] density = FitsFixtures.uniformDensity(12);
    density[3] = Double.NaN;
    assertEquals(Reason.BAD_DENSITY, assertThrows(InvalidSkymapException.class,
        () -> Skymap.of(FitsFixtures.order0Uniq(), density, null, null, null, null)).reason());
  }

  @Test
  void moreRowsThanTheLimit_isRejectedAsTooLarge() {
    SkymapLimits limits = new SkymapLimits(1000, 1 << 20);
    InvalidSkymapException e = assertThrows(InvalidSkymapException.class,
        () -> SkymapReader.read(TestData.dataBytes("lvk/bayestar.multiorder.fits"), limits));
    assertEquals(Reason.TOO_LARGE, e.reason());
  }

  @Test
  void nuniqTableWithoutProbdensity_isRejectedAsMissingColumn() throws Exception {
    byte[] fits = FitsFixtures.table("NUNIQ", new String[] {"UNIQ"}, new Object[] {FitsFixtures.order0Uniq()});
    InvalidSkymapException e = assertThrows(InvalidSkymapException.class, () -> SkymapReader.read(fits));
    assertEquals(Reason.MISSING_COLUMN, e.reason());
    assertTrue(e.getMessage().contains("PROBDENSITY"), e.getMessage());
  }

  @Test
  void tableWithoutOrdering_orUniq_isRejectedAsBadOrdering() {
    InvalidSkymapException e = assertThrows(InvalidSkymapException.class,
        () -> SkymapReader.read(TestData.dataBytes("jwst/uncover-v4_prism-clear_2561_45924.spec.fits")));
    assertEquals(Reason.BAD_ORDERING, e.reason());
  }

  @Test
  void bytesThatAreNotFits_areRejected() {
    assertEquals(Reason.NOT_FITS, assertThrows(InvalidSkymapException.class,
        () -> SkymapReader.read("{\"not\": \"fits\"}".getBytes())).reason());
    assertEquals(Reason.NOT_FITS, assertThrows(InvalidSkymapException.class,
        () -> SkymapReader.read(new byte[] {0x1f, (byte) 0x8b, 1, 2, 3})).reason());
  }
}
