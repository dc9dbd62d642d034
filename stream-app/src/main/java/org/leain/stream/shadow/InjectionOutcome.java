package org.leain.stream.shadow;

import java.util.List;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.ParameterInfo;

/**
 * What one finished injection says about calibration, from its posterior's samples.
 *
 * @param associationId the injection's association
 * @param parameters parameter names, in the posterior's order
 * @param pit per parameter, the probability integral transform of the true value: the fraction of
 *     posterior samples below it (uniform on [0, 1] when the posterior is calibrated)
 * @param jointLevel the credibility level of the highest-density region whose boundary passes
 *     through the truth: the fraction of samples with ln q(sample) &gt; ln q(theta*), in theta-space
 *     with the Jacobian (DESIGN.md section 7); uniform when calibrated
 */
record InjectionOutcome(String associationId, List<String> parameters, double[] pit, double jointLevel) {

  InjectionOutcome {
    parameters = List.copyOf(parameters);
    if (parameters.size() != pit.length) {
      throw new IllegalArgumentException("Expected one PIT per parameter (" + parameters.size() + "). Actual: "
          + pit.length);
    }
  }

  /**
   * The outcome of a marked shadow posterior.
   *
   * @throws IllegalArgumentException when it has no true values or its samples do not match n_params
   */
  static InjectionOutcome of(DcbhPosterior posterior) {
    List<Double> truth = posterior.getTrueValues();
    int d = posterior.getNParams();
    int n = posterior.getNSamples();
    if (truth == null || truth.size() != d || posterior.getSamples().size() != n * d || n < 1) {
      throw new IllegalArgumentException("Expected a shadow posterior with " + d + " true values and n_samples x "
          + "n_params samples. Actual: " + (truth == null ? "no true values" : truth.size() + " true values")
          + ", " + posterior.getSamples().size() + " samples");
    }
    double[] theta = new double[d];
    for (int k = 0; k < d; k++) {
      theta[k] = truth.get(k);
    }
    List<Float> samples = posterior.getSamples();
    int[] below = new int[d];
    PosteriorDensity q = PosteriorDensity.of(posterior);
    double logTruth = q.logDensity(theta);
    int denser = 0;
    double[] x = new double[d];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < d; k++) {
        x[k] = samples.get(i * d + k);
        if (x[k] < theta[k]) {
          below[k]++;
        }
      }
      if (q.logDensity(x) > logTruth) {
        denser++;
      }
    }
    double[] pit = new double[d];
    for (int k = 0; k < d; k++) {
      pit[k] = below[k] / (double) n;
    }
    List<String> names = posterior.getParameters().stream().map(ParameterInfo::getName).toList();
    return new InjectionOutcome(posterior.getAssociationId(), names, pit, denser / (double) n);
  }
}
