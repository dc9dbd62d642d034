package org.leain.validation.metrics;

import java.util.SplittableRandom;

/**
 * A binary classifier for C2ST, shaped like sbibm's (scikit-learn's MLPClassifier with two ReLU
 * hidden layers of 10 x dimension units, Adam at learning rate 1e-3, mini-batches of
 * min(200, n), stopping when the training loss improves by less than 1e-4 for 10 epochs or at
 * the caller's epoch cap):
 * inputs are standardised with the training set's mean and standard deviation; the output is a
 * logistic unit trained on cross-entropy. Not thread-safe; deterministic for a seed.
 */
final class MlpClassifier {

  private static final double LEARNING_RATE = 1e-3;
  private static final double TOLERANCE = 1e-4;
  private static final int PATIENCE = 10;

  private final int d;
  private final int h;
  private final double[] mean;
  private final double[] scale;
  // Parameters, flattened: W1 [h x d], b1 [h], W2 [h x h], b2 [h], w3 [h], b3 [1].
  private final double[] params;
  private final int w1;
  private final int b1;
  private final int w2;
  private final int b2;
  private final int w3;
  private final int b3;

  private MlpClassifier(int d, int h, double[] mean, double[] scale, SplittableRandom random) {
    this.d = d;
    this.h = h;
    this.mean = mean;
    this.scale = scale;
    w1 = 0;
    b1 = w1 + h * d;
    w2 = b1 + h;
    b2 = w2 + h * h;
    w3 = b2 + h;
    b3 = w3 + h;
    params = new double[b3 + 1];
    // Glorot-uniform initialisation, as scikit-learn does.
    initialise(w1, h * d, d, h, random);
    initialise(w2, h * h, h, h, random);
    initialise(w3, h, h, 1, random);
  }

  private void initialise(int offset, int count, int fanIn, int fanOut, SplittableRandom random) {
    double limit = Math.sqrt(6.0 / (fanIn + fanOut));
    for (int i = 0; i < count; i++) {
      params[offset + i] = (2 * random.nextDouble() - 1) * limit;
    }
  }

  /** Trains on x (rows) with labels y in {0, 1}. */
  static MlpClassifier train(double[][] x, int[] y, int hidden, int maxEpochs, long seed) {
    int n = x.length;
    int d = x[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1;
    }
    SplittableRandom random = new SplittableRandom(seed);
    MlpClassifier model = new MlpClassifier(d, hidden, mean, scale, random);
    model.fit(x, y, maxEpochs, random);
    return model;
  }

  private void fit(double[][] x, int[] y, int maxEpochs, SplittableRandom random) {
    int n = x.length;
    int batch = Math.min(200, n);
    double[] m = new double[params.length];
    double[] v = new double[params.length];
    double[] grad = new double[params.length];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    double best = Double.POSITIVE_INFINITY;
    int stale = 0;
    long t = 0;
    Workspace ws = new Workspace();
    for (int epoch = 0; epoch < maxEpochs; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      double loss = 0;
      for (int start = 0; start < n; start += batch) {
        int end = Math.min(n, start + batch);
        java.util.Arrays.fill(grad, 0);
        for (int k = start; k < end; k++) {
          loss += backward(standardise(x[order[k]]), y[order[k]], grad, ws);
        }
        t++;
        int size = end - start;
        double c1 = 1 - Math.pow(0.9, t);
        double c2 = 1 - Math.pow(0.999, t);
        for (int p = 0; p < params.length; p++) {
          double g = grad[p] / size;
          m[p] = 0.9 * m[p] + 0.1 * g;
          v[p] = 0.999 * v[p] + 0.001 * g * g;
          params[p] -= LEARNING_RATE * (m[p] / c1) / (Math.sqrt(v[p] / c2) + 1e-8);
        }
      }
      loss /= n;
      if (loss > best - TOLERANCE) {
        if (++stale >= PATIENCE) {
          return;
        }
      } else {
        stale = 0;
      }
      best = Math.min(best, loss);
    }
  }

  /** Activations reused between samples. */
  private final class Workspace {
    final double[] z1 = new double[h];
    final double[] a1 = new double[h];
    final double[] z2 = new double[h];
    final double[] a2 = new double[h];
    final double[] d2 = new double[h];
  }

  private double[] standardise(double[] row) {
    double[] s = new double[d];
    for (int j = 0; j < d; j++) {
      s[j] = (row[j] - mean[j]) / scale[j];
    }
    return s;
  }

  private double logit(double[] s, Workspace ws) {
    for (int i = 0; i < h; i++) {
      double z = params[b1 + i];
      for (int j = 0; j < d; j++) {
        z += params[w1 + i * d + j] * s[j];
      }
      ws.z1[i] = z;
      ws.a1[i] = Math.max(0, z);
    }
    for (int i = 0; i < h; i++) {
      double z = params[b2 + i];
      for (int j = 0; j < h; j++) {
        z += params[w2 + i * h + j] * ws.a1[j];
      }
      ws.z2[i] = z;
      ws.a2[i] = Math.max(0, z);
    }
    double out = params[b3];
    for (int i = 0; i < h; i++) {
      out += params[w3 + i] * ws.a2[i];
    }
    return out;
  }

  /** Adds the cross-entropy gradient of one sample to grad; returns its loss. */
  private double backward(double[] s, int label, double[] grad, Workspace ws) {
    double z = logit(s, ws);
    double p = 1 / (1 + Math.exp(-z));
    double loss = label == 1 ? softplus(-z) : softplus(z);
    double dz = p - label;
    grad[b3] += dz;
    for (int i = 0; i < h; i++) {
      grad[w3 + i] += dz * ws.a2[i];
      ws.d2[i] = ws.z2[i] > 0 ? dz * params[w3 + i] : 0;
    }
    for (int i = 0; i < h; i++) {
      if (ws.d2[i] == 0) {
        continue;
      }
      grad[b2 + i] += ws.d2[i];
      for (int j = 0; j < h; j++) {
        grad[w2 + i * h + j] += ws.d2[i] * ws.a1[j];
      }
    }
    for (int j = 0; j < h; j++) {
      if (ws.z1[j] <= 0) {
        continue;
      }
      double d1 = 0;
      for (int i = 0; i < h; i++) {
        d1 += ws.d2[i] * params[w2 + i * h + j];
      }
      grad[b1 + j] += d1;
      for (int k = 0; k < d; k++) {
        grad[w1 + j * d + k] += d1 * s[k];
      }
    }
    return loss;
  }

  private static double softplus(double x) {
    return x > 30 ? x : Math.log1p(Math.exp(x));
  }

  /** The predicted label of one row. */
  int predict(double[] row) {
    return logit(standardise(row), new Workspace()) > 0 ? 1 : 0;
  }
}
