package org.leain.validation.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.leain.validation.metrics.C2st;

/**
 * Wall time of one C2ST at the validation's size: 1,000 + 1,000 draws in 7-D (N(0, I) against the
 * same with the first coordinate's scale 1.3), 5 folds, sbibm's MLP width.
 *
 * <p>Run: {@code java -cp model-artifacts/target/test-classes:model-artifacts/target/classes
 * org.leain.validation.bench.C2stTime}
 */
public final class C2stTime {

  private C2stTime() {}

  public static void main(String[] args) {
    SplittableRandom r = new SplittableRandom(1);
    double[][] x = new double[1000][7];
    double[][] y = new double[1000][7];
    for (int i = 0; i < 1000; i++) {
      for (int j = 0; j < 7; j++) {
        x[i][j] = r.nextGaussian();
        y[i][j] = r.nextGaussian() * (j == 0 ? 1.3 : 1);
      }
    }
    long start = System.nanoTime();
    C2st c = C2st.of(x, y, 3);
    System.out.printf(Locale.ROOT, "C2ST accuracy %.3f in %.1f s (%s)%n", c.accuracy(), (System.nanoTime() - start) / 1e9,
        c.classifier());
  }
}
