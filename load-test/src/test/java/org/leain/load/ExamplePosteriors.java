package org.leain.load;

import java.util.ArrayList;
import java.util.List;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.MixtureComponent;
import org.leain.contracts.Modality;
import org.leain.contracts.ModelInfo;
import org.leain.contracts.ParameterInfo;
import org.leain.contracts.ParameterSummary;
import org.leain.contracts.ParameterTransform;
import org.leain.contracts.PosteriorTimings;

/**
 * Complete DcbhPosterior records over (z, log10_mbh) for tests: a single Gaussian component, the
 * given medians and 90% intervals as summaries, a few samples.
 */
final class ExamplePosteriors {

  private ExamplePosteriors() {}

  /** A posterior with the given summaries; {@code zSummary} and {@code mbhSummary} are {median, p05, p95}. */
  static DcbhPosterior of(String supereventId, String spectrumId, double[] zSummary, double[] mbhSummary,
      List<Modality> modalities, PosteriorTimings timings) {
    List<ParameterInfo> parameters = List.of(
        new ParameterInfo("z", "dimensionless", 3.0, 12.0, ParameterTransform.LOGIT),
        new ParameterInfo("log10_mbh", "log10(Msun)", 4.0, 9.0, ParameterTransform.LOGIT));
    List<ParameterSummary> summaries = List.of(summary("z", "dimensionless", zSummary),
        summary("log10_mbh", "log10(Msun)", mbhSummary));
    List<Float> samples = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      samples.add((float) zSummary[0]);
      samples.add((float) mbhSummary[0]);
    }
    return DcbhPosterior.newBuilder()
        .setAssociationId(supereventId + "|" + spectrumId)
        .setSupereventId(supereventId)
        .setSpectrumId(spectrumId)
        .setAlertVersion(1)
        .setModel(new ModelInfo("stand-in", "0", "0".repeat(64)))
        .setParameters(parameters)
        .setMixture(List.of(new MixtureComponent(1.0, List.of(0.0, 0.0), List.of(1.0, 0.0, 1.0))))
        .setSummaries(summaries)
        .setNSamples(4)
        .setNParams(2)
        .setSamples(samples)
        .setModalities(modalities)
        .setShadowInjection(false)
        .setTrueValues(null)
        .setTimings(timings)
        .build();
  }

  /** Timings all at {@code ms}. */
  static PosteriorTimings timingsAt(long ms) {
    return new PosteriorTimings(ms, ms, ms, ms, ms, ms);
  }

  private static ParameterSummary summary(String name, String unit, double[] medianP05P95) {
    double median = medianP05P95[0];
    double halfWidth = (medianP05P95[2] - medianP05P95[1]) / 2;
    return new ParameterSummary(name, unit, median, halfWidth / 1.645, median,
        medianP05P95[1], median - halfWidth / 1.645, median + halfWidth / 1.645, medianP05P95[2]);
  }
}
