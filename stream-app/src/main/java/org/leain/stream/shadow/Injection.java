package org.leain.stream.shadow;

import java.util.List;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;

/**
 * One simulated injection: the input records as the pipeline will see them (no truth in them) and
 * the true values of the inferred parameters, by name.
 */
public record Injection(GwCandidate candidate, Spectrum spectrum, List<String> parameters, double[] trueValues) {

  public Injection {
    parameters = List.copyOf(parameters);
    trueValues = trueValues.clone();
    if (parameters.size() != trueValues.length) {
      throw new IllegalArgumentException("Expected one true value per parameter (" + parameters.size()
          + "). Actual: " + trueValues.length);
    }
  }
}
