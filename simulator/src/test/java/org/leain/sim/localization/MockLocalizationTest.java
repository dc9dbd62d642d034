package org.leain.sim.localization;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leain.sim.Simulator;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;
import org.leain.sky.healpix.Nuniq;
import org.leain.sky.skymap.DistanceAnsatz;
import org.leain.sky.skymap.Skymap;

class MockLocalizationTest {

  private final Simulator simulator = Simulator.standard();

  @ParameterizedTest
  @CsvSource({"40000, 2000", "60000, 30000", "25000, 1250", "130000, 70000"})
  void ansatzParameters_haveTheRequestedMoments(double meanMpc, double stdMpc) {
    double[] ansatz = DistanceMoments.ansatzFor(meanMpc, stdMpc);
    DistanceAnsatz.Moments moments = DistanceAnsatz.moments(ansatz[0], ansatz[1]);
    assertEquals(meanMpc, moments.meanMpc(), 1e-9 * meanMpc);
    assertEquals(stdMpc, moments.stdMpc(), 1e-9 * meanMpc);
    assertEquals(moments.normPerMpc2(), ansatz[2], 1e-9 * ansatz[2]);
    // DISTNORM normalises r^2 N(r; mu, sigma) on r > 0: integrate numerically.
    double sum = 0.0;
    double dr = ansatz[1] / 200.0;
    for (double r = 0.5 * dr; r < ansatz[0] + 12 * ansatz[1]; r += dr) {
      sum += DistanceAnsatz.densityPerMpc(r, ansatz[0], ansatz[1], ansatz[2]) * dr;
    }
    assertEquals(1.0, sum, 1e-6);
  }

  @Test
  void mockMaps_areValidSkymaps_withTheDrawnNinetyPercentArea_andTrueDistanceMoments() {
    SplittableRandom random = new SplittableRandom(3);
    double minArea = Double.MAX_VALUE;
    double maxArea = 0.0;
    for (int k = 0; k < 20; k++) {
      Theta theta = Prior.uniform().sample(random);
      MockLocalization loc = simulator.simulateLocalization(theta, k);
      Skymap map = loc.toSkymap("MOCK" + k);
      assertEquals(loc.uniq().length, map.size());
      assertEquals(loc.area90Deg2(), area90Deg2(loc), 0.08 * loc.area90Deg2());
      double dl = org.leain.sky.cosmology.Planck18.luminosityDistanceMpc(theta.z());
      assertEquals(dl, loc.trueDistanceMpc(), 1e-8 * dl);
      DistanceAnsatz.Moments moments = DistanceAnsatz.moments(loc.distMuMpc(), loc.distSigmaMpc());
      assertEquals(loc.distMeanMpc(), moments.meanMpc(), 1e-8 * dl);
      assertEquals(loc.distStdMpc(), moments.stdMpc(), 1e-8 * dl);
      assertEquals(dl, map.metadata().distMeanMpc(), 1e-8 * dl);
      minArea = Math.min(minArea, loc.area90Deg2());
      maxArea = Math.max(maxArea, loc.area90Deg2());
    }
    assertTrue(minArea < 100 && maxArea > 300, minArea + " .. " + maxArea);
  }

  @Test
  void trueSkyPosition_fallsInsideTheNinetyPercentRegion_ninetyPercentOfTheTime() {
    int n = 250;
    int inside = 0;
    SplittableRandom random = new SplittableRandom(17);
    for (int k = 0; k < n; k++) {
      Theta theta = Prior.uniform().sample(random);
      MockLocalization loc = simulator.simulateLocalization(theta, 1000 + k);
      if (searchedProbability(loc) <= 0.9) {
        inside++;
      }
    }
    double sigma = Math.sqrt(0.9 * 0.1 / n);
    assertEquals(0.9, (double) inside / n, 3.5 * sigma);
  }

  private static double area90Deg2(MockLocalization loc) {
    Integer[] order = sortedByDensity(loc);
    double prob = 0.0;
    double area = 0.0;
    for (int i : order) {
      double a = Nuniq.pixelAreaSr(loc.uniq()[i]);
      if (prob >= 0.9) {
        break;
      }
      prob += loc.probDensityPerSr()[i] * a;
      area += a;
    }
    return area * Math.pow(180.0 / Math.PI, 2);
  }

  /** Probability enclosed by pixels denser than the one holding the true position. */
  private static double searchedProbability(MockLocalization loc) {
    long[] uniq = loc.uniq();
    double truthDensity = -1;
    double[] t = MockLocalizer.unitVector(loc.trueRaDeg(), loc.trueDecDeg());
    for (int i = 0; i < uniq.length; i++) {
      int order = Nuniq.order(uniq[i]);
      long ipix = org.leain.sky.healpix.Healpix.ang2pixNested(order, loc.trueRaDeg(),
          loc.trueDecDeg());
      if (ipix == Nuniq.ipix(uniq[i])) {
        truthDensity = loc.probDensityPerSr()[i];
        break;
      }
    }
    assertTrue(truthDensity >= 0 && t.length == 3);
    double prob = 0.0;
    for (int i = 0; i < uniq.length; i++) {
      if (loc.probDensityPerSr()[i] > truthDensity) {
        prob += loc.probDensityPerSr()[i] * Nuniq.pixelAreaSr(uniq[i]);
      }
    }
    return prob;
  }

  private static Integer[] sortedByDensity(MockLocalization loc) {
    Integer[] idx = new Integer[loc.uniq().length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> Double.compare(loc.probDensityPerSr()[b], loc.probDensityPerSr()[a]));
    return idx;
  }
}
