package org.leain.stream.shadow;

import java.util.List;

/**
 * The true parameter values of one injection, kept out of the input records: a value of the
 * compacted truth topic, keyed by the association id of the injection's own pair.
 *
 * @param parameters parameter names (as the model names them)
 * @param trueValues the injected values, in physical units, in the order of {@code parameters}
 * @param injectedMs wall-clock time of the injection, ms since the epoch
 */
record ShadowTruth(List<String> parameters, double[] trueValues, long injectedMs) {

  ShadowTruth {
    parameters = List.copyOf(parameters);
    if (parameters.size() != trueValues.length) {
      throw new IllegalArgumentException("Expected one true value per parameter (" + parameters.size()
          + "). Actual: " + trueValues.length);
    }
  }

  /**
   * The true values in the order of {@code names} (a posterior's parameters); null when one of them
   * was not injected (a model with other parameters than the simulator).
   */
  double[] inOrderOf(List<String> names) {
    double[] out = new double[names.size()];
    for (int k = 0; k < names.size(); k++) {
      int i = parameters.indexOf(names.get(k));
      if (i < 0) {
        return null;
      }
      out[k] = trueValues[i];
    }
    return out;
  }
}
