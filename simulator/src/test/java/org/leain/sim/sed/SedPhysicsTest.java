package org.leain.sim.sed;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SedPhysicsTest {

  /** The multicolour disc radiates exactly L: int g(y) dy = pi^4/45 (analytic, Shakura-Sunyaev). */
  @Test
  void discShape_integratesToPiToTheFourthOver45() {
    double sum = 0.0;
    double step = 0.005;
    for (double lnY = -14.0; lnY < 7.0; lnY += step) {
      double y = Math.exp(lnY + 0.5 * step);
      sum += AccretionDisc.shape(lnY + 0.5 * step) * y * step;
    }
    assertEquals(Math.pow(Math.PI, 4) / 45.0, sum, 2e-3 * sum);
  }

  /**
   * The observed flux is continuous in z: as the Lyman-alpha, Lyman-series and Lyman-limit edges
   * cross bins, no bin jumps (point-sampled edges would make the likelihood jump in z).
   */
  @Test
  void observedFlux_isContinuousInRedshift_acrossTheLymanEdges() {
    SedModel model = new SedModel(SpectralGrid.prism(), org.leain.sim.cosmology.Planck18.instance());
    org.leain.sim.prior.Theta base = new org.leain.sim.prior.Theta(6.0, 6.0, -1.0, 11.5, 1.0,
        -1.0, 0.5, 0.0);
    double[] previous = new double[SpectralGrid.SIZE];
    double[] current = new double[SpectralGrid.SIZE];
    double dz = 2e-6;
    model.observedFluxUjy(base, previous);
    double scale = 0.0;
    for (double v : previous) {
      scale = Math.max(scale, Math.abs(v));
    }
    double worst = 0.0;
    for (int k = 1; k <= 25_000; k++) { // z from 6.0 to 6.05: several edge crossings
      model.observedFluxUjy(base.with(org.leain.sim.prior.Parameter.Z, 6.0 + k * dz), current);
      for (int i = 0; i < current.length; i++) {
        worst = Math.max(worst, Math.abs(current[i] - previous[i]));
      }
      double[] t = previous;
      previous = current;
      current = t;
    }
    assertTrue(worst < 1e-3 * scale, "largest step " + worst + " of " + scale);
  }

  /** The tabulated normal CDF used by the line profiles stays within 2e-11 of the exact one. */
  @Test
  void tabulatedNormalCdf_agreesWithTheSeriesEvaluation() {
    double worst = 0.0;
    for (double x = -9.0; x <= 9.0; x += 0.000731) {
      worst = Math.max(worst, Math.abs(GaussianCdfTable.cdf(x)
          - org.leain.sim.special.ErrorFunction.normalCdf(x)));
    }
    assertTrue(worst < 2e-11, "worst " + worst);
  }

  /** A 1e8 Msun hole at the Eddington limit has a maximum disc temperature of ~1e5 K (textbook). */
  @Test
  void discTemperature_ofAnEddingtonLimited1e8SolarMassHole_isAbout1e5Kelvin() {
    double l = AccretionDisc.luminosityErgS(8.0, 0.0);
    double tMax = 0.488 * AccretionDisc.temperatureScaleK(l, 8.0);
    assertTrue(tMax > 0.8e5 && tMax < 2.0e5, "T_max = " + tMax);
  }

  /** Maiolino et al. 2008: [OIII]/Hbeta = 10^0.1549 at solar, peaking ~5-6 near 12+log(O/H) = 8. */
  @ParameterizedTest
  @CsvSource({"0.0, 0.1549", "-1.0, 0.7086"})
  void oiiiOverHbeta_followsTheMaiolinoCalibration(double log10Z, double expected) {
    assertEquals(expected, NebularLines.log10Oiii5008OverHbeta(log10Z), 1e-3);
  }

  @Test
  void oiiiOverHbeta_isContinuousAtTheEndOfTheCalibration_andFallsWithZBelowIt() {
    double below = NebularLines.log10Oiii5008OverHbeta(Math.nextDown(-1.7));
    double at = NebularLines.log10Oiii5008OverHbeta(-1.7);
    assertEquals(at, below, 1e-12);
    assertEquals(at - 1.0, NebularLines.log10Oiii5008OverHbeta(-2.7), 1e-12);
  }

  /** The DCBH diagnostic: stellar light is suppressed above J_crit, so HeII/Hbeta rises with J21. */
  @Test
  void starFormation_isSuppressedByTheLymanWernerField() {
    assertTrue(HostGalaxy.starFormationFraction(1.0) > 0.98);
    assertEquals(0.5, HostGalaxy.starFormationFraction(3.0), 1e-12);
    assertTrue(HostGalaxy.starFormationFraction(4.0) < 0.1);
  }

  /** The drawn error range brackets the real UNCOVER 45924 errors where they are background-limited. */
  @Test
  void fluxErrorRange_bracketsTheRealUncover45924Errors_from0p7to2p5Micron() throws Exception {
    Path csv = repoRoot().resolve("data/jwst/uncover-v4_prism-clear_2561_45924.spec1d.csv");
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(csv)) {
      if (line.startsWith("#") || line.startsWith("wave")) {
        continue;
      }
      String[] f = line.split(",");
      if (f[2].trim().equalsIgnoreCase("nan")) {
        continue;
      }
      rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[2])});
    }
    int checked = 0;
    for (double[] r : rows) {
      if (r[0] >= 0.7 && r[0] <= 2.5) {
        double shape = FluxErrorModel.relativeError(r[0]);
        assertTrue(r[1] >= 0.5 * FluxErrorModel.MIN_ERROR_AT_1UM_UJY * shape
            && r[1] <= FluxErrorModel.MAX_ERROR_AT_1UM_UJY * shape, r[0] + " um: " + r[1]);
        checked++;
      }
    }
    assertTrue(checked > 100);
    double[] err = new double[SpectralGrid.SIZE];
    new FluxErrorModel(SpectralGrid.prism()).draw(new SplittableRandom(1), err);
    assertTrue(err[0] > 0);
  }

  @ParameterizedTest
  @CsvSource({"1.2, 30", "3.0, 100", "5.3, 300", "0.6, 85"})
  void resolvingPower_followsThePrismCurveAnchors(double wavelengthUm, double r) {
    assertEquals(r, PrismResolution.resolvingPower(wavelengthUm), 1e-9);
  }

  private static Path repoRoot() {
    String p = System.getProperty("leain.root");
    if (p != null) {
      return Path.of(p);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("data/jwst"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}
