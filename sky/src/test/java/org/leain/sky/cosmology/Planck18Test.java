package org.leain.sky.cosmology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leain.sky.testdata.TestData;

/** Planck18 against astropy (sky/src/test/python/make_cosmology_vectors.py). */
class Planck18Test {

  @Test
  void luminosityDistance_agreesWithAstropy_within1e4Relative_forZ0001To20() {
    List<String[]> rows = TestData.csvResource("cosmology/planck18_dl.csv");
    assertTrue(rows.size() > 100);
    double worst = 0;
    for (String[] r : rows) {
      double z = Double.parseDouble(r[0]);
      double expected = Double.parseDouble(r[1]);
      worst = Math.max(worst, Math.abs(Planck18.luminosityDistanceMpc(z) / expected - 1));
    }
    assertTrue(worst < 1e-4, "worst relative difference " + worst);
  }

  @Test
  void densities_sumToOne_flatUniverse() {
    assertEquals(1.0, Planck18.OM0 + Planck18.OGAMMA0 + Planck18.ONU0 + Planck18.ODE0, 1e-15);
    assertEquals(1.0, Planck18.efunc(0), 1e-15);
  }

  @Test
  void luminosityDistance_atZeroIsZero() {
    assertEquals(0.0, Planck18.luminosityDistanceMpc(0), 0);
  }
}
