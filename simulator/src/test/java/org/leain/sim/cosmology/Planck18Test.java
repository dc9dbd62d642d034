package org.leain.sim.cosmology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Planck18Test {

  /** astropy's Planck18 values, written by the committed planck18_astropy.py. */
  @Test
  void luminosityDistance_matchesAstropyPlanck18_within1e5() throws Exception {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Planck18Test.class.getResourceAsStream("planck18_astropy.csv"), StandardCharsets.UTF_8))) {
      in.readLine();
      int rows = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",");
        double z = Double.parseDouble(f[0]);
        double expected = Double.parseDouble(f[1]);
        assertEquals(expected, Planck18.instance().luminosityDistanceMpc(z), 1e-5 * expected,
            "z=" + z);
        rows++;
      }
      assertEquals(7, rows);
    }
  }

  @Test
  void table_agreesWithTheSkyModulesDirectIntegration_betweenNodes() {
    for (double z = 3.0; z <= 12.0; z += 0.12345) {
      double direct = org.leain.sky.cosmology.Planck18.luminosityDistanceMpc(z);
      assertEquals(direct, Planck18.instance().luminosityDistanceMpc(z), 1e-10 * direct);
    }
  }
}
