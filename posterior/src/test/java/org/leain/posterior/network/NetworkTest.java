package org.leain.posterior.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NetworkTest {

  static final int BINS = 320;
  static final double STEP = Math.log(5.3 / 0.6) / BINS;
  static final double LN_MIN_CENTRE = Math.log(0.6) + 0.5 * STEP;

  static NetworkConfig config(String kind) {
    return new NetworkConfig(kind, BINS, STEP, 256, 2, 0.02, 9.9, 120, Math.log(4), Math.log(13),
        10.0, 14.0, 12.0, 8, 0, 4, 7, 8, 8, 32, 64);
  }

  static long parameterCount(Block block) {
    long n = 0;
    for (Pair<String, Parameter> p : block.getParameters()) {
      n += p.getValue().getArray().getShape().size();
    }
    return n;
  }

  static float[] compactSpectrum(double eta, double amplitude) {
    float[] f = new float[BINS];
    for (int i = 0; i < BINS; i++) {
      double x = LN_MIN_CENTRE + i * STEP - eta;
      f[i] = (float) (amplitude * (gauss(x, Math.log(0.5007), 0.02) * 2
          + gauss(x, Math.log(0.6563), 0.025) + gauss(x, Math.log(0.55), 0.05) * 0.4));
    }
    return f;
  }

  static double gauss(double x, double c, double w) {
    double d = (x - c) / w;
    return Math.abs(d) > 5 ? 0 : Math.exp(-0.5 * d * d);
  }

  static float[] constant(int n, float v) {
    float[] a = new float[n];
    java.util.Arrays.fill(a, v);
    return a;
  }

  @Test
  void leain_canonicalisesWholeBinRedshiftShifts_toTheSameCanvas() {
    NetworkConfig config = config("leain");
    ai.djl.engine.Engine.getInstance().setRandomSeed(5);
    try (NDManager m = NDManager.newBaseManager()) {
      LeainNetwork network = new LeainNetwork(config);
      network.initialize(m, DataType.FLOAT32, new Shape(2, 3, BINS), new Shape(2, 1),
          new Shape(2, 3, 256), new Shape(2, 1));
      InputEncoding encoding = new InputEncoding(config, 0, 1, 2);
      double eta = Math.log(1 + 3.5);
      int k = 31;
      float[] a = compactSpectrum(eta, 1.0);
      float[] b = compactSpectrum(eta + k * STEP, 0.4);
      // Error proportional to the flux plus a floor in the rest frame: it moves with the signal.
      encoding.add(a, scaled(a, 1.0f), constant(BINS, 1f), null, null);
      encoding.add(b, scaled(b, 0.4f), constant(BINS, 1f), null, null);
      NDList canon = network.canonicalise(new ParameterStore(m, false), encoding.toNDList(m), false);
      double[] frames = canon.get(0).toDoubleArray();
      assertEquals(k * STEP, frames[1] - frames[0], 1e-6);
      // Precondition: both frames inside the canvas range (outside it they are clipped).
      for (double frame : frames) {
        assertTrue(frame > config.etaMin() && frame < config.etaMax(), "frame " + frame);
      }
      float[] canvas = canon.get(1).toFloatArray();
      int length = config.sedCanvasBins();
      double maxDiff = 0;
      for (int j = 0; j < length; j++) {
        maxDiff = Math.max(maxDiff, Math.abs(canvas[j] - canvas[3 * length + j]));
      }
      assertTrue(maxDiff < 1e-5, "flux canvases differ by " + maxDiff + " frames " + frames[0] + " " + frames[1]);
    }
  }

  /** An error of 10% of the flux plus a floor, all times the source's amplitude. */
  static float[] scaled(float[] f, float amplitude) {
    float[] out = new float[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = Math.abs(f[i]) * 0.1f + 1e-3f * amplitude;
    }
    return out;
  }

  @Test
  void sedOnlyPath_ignoresTheStrainArrays_whenTheStrainIsMarkedAbsent() {
    for (String kind : new String[] {"leain", "baseline"}) {
      NetworkConfig config = config(kind);
      try (NDManager m = NDManager.newBaseManager()) {
        Block network = Networks.build(config);
        network.initialize(m, DataType.FLOAT32, new Shape(1, 3, BINS), new Shape(1, 1),
            new Shape(1, 3, 256), new Shape(1, 1));
        InputEncoding encoding = new InputEncoding(config, 0, 1, 1);
        float[] flux = compactSpectrum(1.6, 1.0);
        encoding.add(flux, scaled(flux, 1f), constant(BINS, 1f), null, null);
        NDList inputs = encoding.toNDList(m);
        NDList quiet = network.forward(new ParameterStore(m, false), inputs, false);
        Random random = new Random(1);
        float[] noise = new float[3 * 256];
        for (int i = 0; i < noise.length; i++) {
          noise[i] = (float) random.nextGaussian();
        }
        inputs.set(2, m.create(noise, new Shape(1, 3, 256)));
        NDList noisy = network.forward(new ParameterStore(m, false), inputs, false);
        for (int i = 0; i < 3; i++) {
          float[] expected = quiet.get(i).toFloatArray();
          for (float v : expected) {
            assertTrue(Float.isFinite(v), kind + " output must be finite");
          }
          assertArrayEquals(expected, noisy.get(i).toFloatArray(), 1e-6f, kind);
        }
      }
    }
  }

  @Test
  void aSedOnlyEvent_getsTheSameOutputs_whetherOrNotItsBatchHoldsAStrainEvent() {
    // Alone, the batch has no strain and the strain branch is skipped; beside a strain event it runs
    // and multiplies the SED-only row's strain terms by zero. Both must give the same row.
    for (String kind : new String[] {"leain", "baseline"}) {
      NetworkConfig config = config(kind);
      try (NDManager m = NDManager.newBaseManager()) {
        Block network = Networks.build(config);
        network.initialize(m, DataType.FLOAT32, new Shape(2, 3, BINS), new Shape(2, 1),
            new Shape(2, 3, 256), new Shape(2, 1));
        float[] flux = compactSpectrum(1.6, 1.0);
        Random random = new Random(3);
        float[] strain = new float[2 * 256];
        for (int i = 0; i < strain.length; i++) {
          strain[i] = (float) random.nextGaussian();
        }
        // Same batch size in both passes, so the dense layers use the same kernels.
        InputEncoding alone = new InputEncoding(config, 0, 1, 2);
        alone.add(flux, scaled(flux, 1f), constant(BINS, 1f), null, null);
        alone.add(flux, scaled(flux, 2f), constant(BINS, 1f), null, null);
        InputEncoding mixed = new InputEncoding(config, 0, 1, 2);
        mixed.add(flux, scaled(flux, 1f), constant(BINS, 1f), null, null);
        mixed.add(flux, scaled(flux, 1f), constant(BINS, 1f), strain, constant(256, 1f));
        NDList a = network.forward(new ParameterStore(m, false), alone.toNDList(m), false);
        NDList b = network.forward(new ParameterStore(m, false), mixed.toNDList(m), false);
        for (int i = 0; i < 4; i++) {
          int row = (int) (a.get(i).size() / 2);
          float[] expected = java.util.Arrays.copyOf(a.get(i).toFloatArray(), row);
          float[] actual = java.util.Arrays.copyOf(b.get(i).toFloatArray(), row);
          assertArrayEquals(expected, actual, 1e-6f, kind + " output " + i);
        }
        float[] logits = b.get(0).toFloatArray();
        int k = config.components();
        assertTrue(!java.util.Arrays.equals(java.util.Arrays.copyOfRange(logits, 0, k),
            java.util.Arrays.copyOfRange(logits, k, 2 * k)), kind + ": the strain row must differ");
      }
    }
  }

  @Test
  void baseline_hasAParameterCountComparableToLeain() {
    try (NDManager m = NDManager.newBaseManager()) {
      long[] counts = new long[2];
      String[] kinds = {"leain", "baseline"};
      for (int i = 0; i < 2; i++) {
        Block block = Networks.build(config(kinds[i]));
        block.initialize(m, DataType.FLOAT32, new Shape(1, 3, BINS), new Shape(1, 1),
            new Shape(1, 3, 256), new Shape(1, 1));
        counts[i] = parameterCount(block);
      }
      double ratio = (double) counts[1] / counts[0];
      assertTrue(ratio > 0.67 && ratio < 1.5, "baseline/leain parameters " + counts[1] + "/" + counts[0]);
    }
  }
}
