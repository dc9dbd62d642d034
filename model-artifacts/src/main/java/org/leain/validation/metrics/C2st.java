package org.leain.validation.metrics;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The classifier two-sample test (Lopez-Paz and Oquab 2017), as sbibm uses it (Lueckmann et al.
 * 2021): a classifier is trained to tell samples of two sets apart; its k-fold cross-validated
 * accuracy is 0.5 when they come from the same distribution and 1 when they are disjoint. Here the
 * classifier is {@link MlpClassifier}, an MLP like sbibm's (two ReLU layers of 10 x dimension
 * units, Adam). Both sets are cut to the same size; for MCMC reference samples, pass them thinned by
 * tau so they are nearly independent.
 *
 * @param accuracy mean held-out accuracy over folds
 * @param foldAccuracies held-out accuracy of each fold
 * @param samplesPerSet n drawn from each set
 * @param classifier a description of the classifier
 */
public record C2st(double accuracy, double[] foldAccuracies, int samplesPerSet, String classifier) {

  /** Fewer than scikit-learn's 200: 1,000 + 1,000 7-D draws then take ~12 s on 2 busy cores (bench.C2stTime). */
  private static final int MAX_EPOCHS = 100;

  /** C2ST with 5 folds and sbibm's hidden width 10 x dimension. */
  public static C2st of(double[][] first, double[][] second, long seed) {
    return of(first, second, 5, 10 * first[0].length, seed);
  }

  public static C2st of(double[][] first, double[][] second, int folds, int hidden, long seed) {
    int n = Math.min(first.length, second.length);
    if (n < folds || folds < 2) {
      throw new IllegalArgumentException("Expected >= 2 folds and >= folds samples per set. Actual: " + folds
          + " folds, " + n + " samples");
    }
    double[][] x = new double[2 * n][];
    int[] y = new int[2 * n];
    for (int i = 0; i < n; i++) {
      x[i] = first[i];
      x[n + i] = second[i];
      y[n + i] = 1;
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = new int[2 * n];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    long[] seeds = new long[folds];
    for (int f = 0; f < folds; f++) {
      seeds[f] = random.nextLong();
    }
    // Folds are independent and seeded up front: training them in parallel changes nothing but time.
    double[] accuracies = new double[folds];
    IntStream.range(0, folds).parallel().forEach(f -> accuracies[f] = foldAccuracy(x, y, order, folds, f, hidden, seeds[f]));
    return new C2st(Nltp.mean(accuracies), accuracies, n,
        "MLP 2x" + hidden + " ReLU, Adam 1e-3, " + folds + "-fold CV (as sbibm)");
  }

  /** Held-out accuracy of fold f: positions i of the shuffled order with i % folds == f are the test set. */
  private static double foldAccuracy(double[][] x, int[] y, int[] order, int folds, int f, int hidden, long seed) {
    int testCount = 0;
    for (int i = 0; i < order.length; i++) {
      if (i % folds == f) {
        testCount++;
      }
    }
    double[][] trainX = new double[order.length - testCount][];
    int[] trainY = new int[trainX.length];
    double[][] testX = new double[testCount][];
    int[] testY = new int[testCount];
    int a = 0;
    int b = 0;
    for (int i = 0; i < order.length; i++) {
      if (i % folds == f) {
        testX[b] = x[order[i]];
        testY[b++] = y[order[i]];
      } else {
        trainX[a] = x[order[i]];
        trainY[a++] = y[order[i]];
      }
    }
    MlpClassifier model = MlpClassifier.train(trainX, trainY, hidden, MAX_EPOCHS, seed);
    int correct = 0;
    for (int i = 0; i < testCount; i++) {
      if (model.predict(testX[i]) == testY[i]) {
        correct++;
      }
    }
    return (double) correct / testCount;
  }
}
