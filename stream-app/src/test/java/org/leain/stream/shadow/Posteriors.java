package org.leain.stream.shadow;

import java.util.List;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.MixtureComponent;
import org.leain.contracts.Modality;
import org.leain.contracts.ModelInfo;
import org.leain.contracts.ParameterInfo;
import org.leain.contracts.PosteriorTimings;

/** Hand-made DcbhPosterior records for the unit tests. */
final class Posteriors {
  private Posteriors() {}

  static DcbhPosterior of(List<ParameterInfo> parameters, List<MixtureComponent> mixture, List<Float> samples,
      List<Double> trueValues) {
    return DcbhPosterior.newBuilder()
        .setAssociationId("MSHADOW000000000|shadow-000000000")
        .setSupereventId("MSHADOW000000000")
        .setSpectrumId("shadow-000000000")
        .setAlertVersion(1)
        .setModel(new ModelInfo("hand-made", "0", "0".repeat(64)))
        .setParameters(parameters)
        .setMixture(mixture)
        .setSummaries(List.of())
        .setNSamples(samples.size() / parameters.size())
        .setNParams(parameters.size())
        .setSamples(samples)
        .setModalities(List.of(Modality.SED))
        .setShadowInjection(trueValues != null)
        .setTrueValues(trueValues)
        .setTimings(new PosteriorTimings(0L, 0L, 0L, 0L, 0L, 0L))
        .build();
  }
}
