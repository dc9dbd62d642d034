package org.leain.validation.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The conjugate model theta ~ N(0, I_d), x = theta + N(0, I_d): the exact posterior is
 * N(x / 2, I_d / 2). A model posterior N(x / 2, k^2 I_d / 2) is calibrated for k = 1,
 * over-confident for k < 1, under-confident for k > 1; KL(exact || model) = d (ln k + 1/(2k^2) - 1/2).
 */
final class ConjugateGaussian {

  static final double POSTERIOR_SD = Math.sqrt(0.5);

  private ConjugateGaussian() {}

  /** An isotropic Gaussian posterior. */
  record Isotropic(double[] mean, double sd) implements EventPosterior {
    @Override
    public int dimension() {
      return mean.length;
    }

    @Override
    public double[][] sample(int n, long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      double[][] s = new double[n][mean.length];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < mean.length; j++) {
          s[i][j] = mean[j] + sd * gaussian(r);
        }
      }
      return s;
    }

    @Override
    public double logDensity(double[] theta) {
      double q = 0;
      for (int j = 0; j < mean.length; j++) {
        q += (theta[j] - mean[j]) * (theta[j] - mean[j]);
      }
      return -0.5 * q / (sd * sd) - mean.length * Math.log(sd * Math.sqrt(2 * Math.PI));
    }
  }

  /** An event: the truth and the observation. */
  record Event(double[] thetaTrue, double[] x) {
    EventPosterior exact() {
      return model(1);
    }

    EventPosterior model(double k) {
      double[] m = new double[x.length];
      for (int j = 0; j < m.length; j++) {
        m[j] = x[j] / 2;
      }
      return new Isotropic(m, k * POSTERIOR_SD);
    }
  }

  static List<Event> events(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double[] theta = new double[d];
      double[] x = new double[d];
      for (int j = 0; j < d; j++) {
        theta[j] = gaussian(r);
        x[j] = theta[j] + gaussian(r);
      }
      events.add(new Event(theta, x));
    }
    return events;
  }

  static List<EventDraws> draws(List<Event> events, double k, int samples, long seed) {
    List<EventDraws> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      out.add(EventDraws.of(events.get(i).thetaTrue(), events.get(i).model(k), samples, seed + i));
    }
    return out;
  }

  static double kl(int d, double k) {
    return d * (Math.log(k) + 1 / (2 * k * k) - 0.5);
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }
}
