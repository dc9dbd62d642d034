package org.leain.sim.dataset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.prior.Theta;

/**
 * One stored event: the true parameters, the noise-free flux with its error vector and the
 * noise-free whitened strain (float32 as stored).
 */
public record DatasetRecord(
    Theta theta, float[] fluxUjy, float[] fluxErrUjy, float[] strainA, float[] strainE) {

  /** The noise-free observation on the given SED wavelengths (all masks true). */
  public Observation noiseFreeObservation(double[] wavelengthUm) {
    boolean[] sedMask = new boolean[fluxUjy.length];
    Arrays.fill(sedMask, true);
    boolean[] strainMask = new boolean[strainA.length];
    Arrays.fill(strainMask, true);
    return new Observation(wavelengthUm, widen(fluxUjy), widen(fluxErrUjy), sedMask,
        widen(strainA), widen(strainE), strainMask, null);
  }

  /** A fresh noisy realisation: the likelihood's noise added to the stored noise-free signals. */
  public Observation noisyObservation(double[] wavelengthUm, SplittableRandom random) {
    return Simulator.addNoise(noiseFreeObservation(wavelengthUm), random);
  }

  private static double[] widen(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
