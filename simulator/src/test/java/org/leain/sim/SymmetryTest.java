package org.leain.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leain.sim.prior.Parameter;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;

/**
 * The symmetries at the heart of LEAIN, checked by simulating at shifted parameters (never by
 * rolling arrays): a change of ln(1+z) by k bins translates the rest-frame SED by k bins; a change
 * of the detector-frame mass by s = e^(k du) translates the strain by k samples and scales it by s.
 */
class SymmetryTest {

  private final Simulator simulator = Simulator.standard();

  @ParameterizedTest
  @ValueSource(ints = {1, 17, 60, -33})
  void redshiftChangeOfWholeBins_translatesTheRestFrameSed(int bins) {
    SplittableRandom random = new SplittableRandom(100 + bins);
    int n = simulator.spectralGrid().size();
    for (int trial = 0; trial < 5; trial++) {
      Theta theta = Prior.uniform().sample(random).with(Parameter.Z, 4.5 + 0.5 * trial);
      double z2 = simulator.spectralGrid().redshiftShiftedByBins(theta.z(), bins);
      assertTrue(Parameter.Z.contains(z2), "shifted z inside the prior: " + z2);
      Theta shifted = theta.with(Parameter.Z, z2);
      double[] base = new double[n];
      double[] moved = new double[n];
      simulator.sedModel().restFrameLnu(theta, base);
      simulator.sedModel().restFrameLnu(shifted, moved);
      double scale = 0.0;
      for (double v : base) {
        scale = Math.max(scale, v);
      }
      int compared = 0;
      for (int i = 0; i < n; i++) {
        int j = i + bins;
        if (j >= 0 && j < n) {
          assertEquals(base[i], moved[j], 1e-9 * scale, "bin " + i);
          compared++;
        }
      }
      assertTrue(compared >= n - Math.abs(bins));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 25, 110, -70})
  void detectorMassChangeOfWholeSamples_translatesTheStrainAndScalesItsAmplitude(int samples) {
    SplittableRandom random = new SplittableRandom(200 + samples);
    int n = simulator.strainGrid().size();
    double s = simulator.strainGrid().massScaleForShift(samples);
    int done = 0;
    while (done < 5) {
      Theta theta = Prior.uniform().sample(random);
      double log10Mbh2 = theta.log10MbhMsun() + Math.log10(s);
      if (!Parameter.LOG10_MBH.contains(log10Mbh2)) {
        continue;
      }
      done++;
      Theta heavier = theta.with(Parameter.LOG10_MBH, log10Mbh2);
      double[] a1 = new double[n];
      double[] e1 = new double[n];
      double[] a2 = new double[n];
      double[] e2 = new double[n];
      simulator.gwModel().detectorStrain(theta, a1, e1);
      simulator.gwModel().detectorStrain(heavier, a2, e2);
      double scale = 0.0;
      for (int i = 0; i < n; i++) {
        scale = Math.max(scale, Math.hypot(a1[i], e1[i]));
      }
      assertTrue(scale > 0.0);
      for (int i = 0; i < n; i++) {
        int j = i + samples;
        if (j >= 0 && j < n) {
          assertEquals(s * a1[i], a2[j], 1e-9 * s * scale, "A at " + i);
          assertEquals(s * e1[i], e2[j], 1e-9 * s * scale, "E at " + i);
        }
      }
    }
  }
}
