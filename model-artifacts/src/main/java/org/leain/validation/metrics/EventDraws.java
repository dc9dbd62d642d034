package org.leain.validation.metrics;

/**
 * One test event as the sample-based metrics use it: the true parameters, draws from q(theta | x),
 * log q at every draw and at the truth. Drawing once and sharing the draws keeps coverage, TARP and
 * SBC consistent with each other and calls the model once per event.
 *
 * @param thetaTrue theta*, the parameters that generated x
 * @param samples draws from q(theta | x), {@code [draw][parameter]}
 * @param logqSamples log q(sample_i | x)
 * @param logqTrue log q(theta* | x)
 */
public record EventDraws(double[] thetaTrue, double[][] samples, double[] logqSamples, double logqTrue) {

  public EventDraws {
    if (samples.length < 2 || samples.length != logqSamples.length) {
      throw new IllegalArgumentException("Expected >= 2 draws, each with its log q. Actual: "
          + samples.length + " draws, " + logqSamples.length + " log q");
    }
    if (samples[0].length != thetaTrue.length) {
      throw new IllegalArgumentException("Expected draws of dimension " + thetaTrue.length + ". Actual: "
          + samples[0].length);
    }
  }

  /** Draws n samples from the posterior of one event and evaluates log q on them and on the truth. */
  public static EventDraws of(double[] thetaTrue, EventPosterior posterior, int n, long seed) {
    double[][] samples = posterior.sample(n, seed);
    return new EventDraws(thetaTrue, samples, posterior.logDensity(samples), posterior.logDensity(thetaTrue));
  }

  public int dimension() {
    return thetaTrue.length;
  }
}
