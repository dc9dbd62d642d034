package org.leain.sky.crossmatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leain.sky.skymap.Skymap;
import org.leain.sky.skymap.SkymapIndex;
import org.leain.sky.skymap.SkymapReader;
import org.leain.sky.testdata.TestData;

/**
 * Crossmatch figures against the published LVK user-guide values and against the independent
 * numpy/healpy/scipy figures of sky/src/test/python/make_skymap_vectors.py.
 */
class CrossmatchTest {

  private static final double PER_DEG2 = (Math.PI / 180) * (Math.PI / 180);

  private static SkymapIndex index(String file) {
    return SkymapReader.read(TestData.dataBytes("lvk/" + file)).index();
  }

  private static void assertRelative(double expected, double actual, double rel, String what) {
    assertEquals(expected, actual, Math.abs(expected) * rel, what);
  }

  @Test
  void maximumDensity_andItsPixelCentre_equalThePublishedValues() {
    SkymapIndex index = index("bayestar.multiorder.fits");
    assertRelative(0.0782516470191411, index.probDensityPerSr(0) * PER_DEG2, 1e-9, "max density deg^-2");
    assertRelative(194.30419921875, index.maxRaDeg(), 1e-9, "RA of max");
    assertRelative(-17.8568950955455, index.maxDecDeg(), 1e-9, "Dec of max");
  }

  @Test
  void densityAtThePublishedPosition_equalsThePublishedValue() {
    CrossmatchResult r = Crossmatch.at(index("bayestar.multiorder.fits"), 197.4133, -23.3996);
    assertRelative(0.0346791909890781, r.probDensityPerDeg2(), 1e-9, "density deg^-2");
  }

  @Test
  void ninetyPercentArea_byTheGcnRecipe_equalsThePublishedValue() {
    assertRelative(30.9751810935746, index("bayestar.multiorder.fits").gcnCredibleAreaDeg2(0.9), 1e-9,
        "90% area (GCN recipe)");
  }

  @ParameterizedTest
  @CsvSource({"bayestar.multiorder.fits,bayestar", "combined-ext.multiorder.fits,combined"})
  void targetFigures_equalTheIndependentPythonFigures(String file, String name) {
    SkymapIndex index = index(file);
    List<String[]> rows = TestData.csvResource("skymap/crossmatch_" + name + ".csv");
    assertTrue(rows.size() > 300);
    for (String[] v : rows) {
      double ra = Double.parseDouble(v[0]);
      double dec = Double.parseDouble(v[1]);
      CrossmatchResult r = Crossmatch.at(index, ra, dec);
      String at = name + " at " + ra + "," + dec;
      assertRelative(Double.parseDouble(v[2]), r.searchedProb(), 1e-12, "searched_prob " + at);
      assertRelative(Double.parseDouble(v[3]), r.searchedAreaDeg2(), 1e-12, "searched_area " + at);
      assertEquals(Double.parseDouble(v[4]), r.probDensityPerSr(), 0, "probdensity " + at);
      assertEquals(Double.parseDouble(v[5]), r.offsetDeg(), 1e-9, "offset " + at);
      double mu = parsePython(v[6]);
      if (Double.isFinite(mu)) {
        assertEquals(mu, r.distMuMpc(), 0, "distmu " + at);
        assertEquals(Double.parseDouble(v[7]), r.distSigmaMpc(), 0, "distsigma " + at);
        assertEquals(Double.parseDouble(v[8]), r.distNormPerMpc2(), 0, "distnorm " + at);
        assertRelative(Double.parseDouble(v[9]), r.distMeanMpc(), 1e-9, "distmean " + at);
        assertRelative(Double.parseDouble(v[10]), r.distStdMpc(), 1e-8, "diststd " + at);
      } else {
        assertTrue(Double.isNaN(r.distMuMpc()) && Double.isNaN(r.distMeanMpc()), "no distance " + at);
      }
    }
  }

  /** Python's repr of floats writes inf and nan. */
  private static double parsePython(String s) {
    return switch (s) {
      case "inf" -> Double.POSITIVE_INFINITY;
      case "-inf" -> Double.NEGATIVE_INFINITY;
      case "nan" -> Double.NaN;
      default -> Double.parseDouble(s);
    };
  }

  @ParameterizedTest
  @CsvSource({"bayestar.multiorder.fits,bayestar", "combined-ext.multiorder.fits,combined"})
  void credibleAreas_interpolatedAndGcn_equalTheIndependentPythonFigures(String file, String name) {
    SkymapIndex index = index(file);
    for (String[] v : TestData.csvResource("skymap/contours_" + name + ".csv")) {
      double level = Double.parseDouble(v[0]);
      assertRelative(Double.parseDouble(v[1]), index.credibleAreaDeg2(level), 1e-12, name + " interp " + level);
      assertRelative(Double.parseDouble(v[2]), index.gcnCredibleAreaDeg2(level), 1e-12, name + " gcn " + level);
    }
  }

  @Test
  void searchedProb_ofMaximumPixel_isItsOwnProbability() {
    SkymapIndex index = index("bayestar.multiorder.fits");
    CrossmatchResult r = Crossmatch.at(index, index.maxRaDeg(), index.maxDecDeg());
    assertEquals(index.probDensityPerSr(0) * index.cumulativeAreaSr(0), r.searchedProb(), 1e-18);
    assertEquals(0.0, r.offsetDeg(), 1e-12);
  }

  @Test
  void redshift_givesPlanck18DistanceAndTheAnsatzDensityThere() {
    SkymapIndex index = index("bayestar.multiorder.fits");
    CrossmatchResult r = Crossmatch.at(index, 194.3, -17.86, 0.009);
    // Analytic check of the definitions at r = D_L(z) (values of D_L are checked in Planck18Test).
    double dl = r.dlMpc();
    double u = (dl - r.distMuMpc()) / r.distSigmaMpc();
    double pr = r.distNormPerMpc2() * dl * dl * Math.exp(-0.5 * u * u) / (r.distSigmaMpc() * Math.sqrt(2 * Math.PI));
    assertRelative(pr, r.distanceDensityPerMpc(), 1e-12, "p(r|n)");
    assertRelative(r.probDensityPerSr() * pr / (dl * dl), r.probDensityVolPerMpc3(), 1e-12, "volume density");
    assertRelative(4 * Math.PI * r.probDensityPerSr(), r.skyOverlap(), 1e-15, "sky overlap");
    assertTrue(dl > 35 && dl < 45, "D_L(0.009) ~ 40 Mpc, got " + dl);
  }

  @Test
  void highRedshiftSpectrum_againstA40MpcMap_hasZeroVolumeDensity() {
    CrossmatchResult r = Crossmatch.at(index("bayestar.multiorder.fits"), 194.3, -17.86, 4.463);
    assertEquals(0.0, r.probDensityVolPerMpc3(), 0);
  }

  @Test
  void mapWithoutDistance_reportsNaNDistanceFields() {
    Skymap full = SkymapReader.read(TestData.dataBytes("lvk/bayestar.multiorder.fits"));
    Skymap twoD = Skymap.of(full.uniqColumn(), full.probDensityColumn(), null, null, null, null);
    CrossmatchResult r = Crossmatch.at(twoD.index(), 194.3, -17.86, 0.01);
    assertTrue(Double.isNaN(r.distMuMpc()) && Double.isNaN(r.distMeanMpc())
        && Double.isNaN(r.probDensityVolPerMpc3()) && !Double.isNaN(r.dlMpc()));
  }
}
