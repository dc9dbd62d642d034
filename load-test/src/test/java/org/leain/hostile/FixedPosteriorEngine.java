package org.leain.hostile;

import java.util.List;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.MixtureComponent;
import org.leain.contracts.Modality;
import org.leain.contracts.ModelInfo;
import org.leain.contracts.ParameterInfo;
import org.leain.contracts.ParameterSummary;
import org.leain.contracts.ParameterTransform;
import org.leain.contracts.PosteriorTimings;
import org.leain.contracts.Spectrum;
import org.leain.stream.inference.InferenceEngine;

/**
 * NOT A MODEL: answers every association with the same one-parameter posterior (the prior's
 * centre), so the hostile-corpus topology test needs no model weights. It only has to show that
 * valid records interleaved with hostile ones reach inference and come out as posteriors.
 */
final class FixedPosteriorEngine implements InferenceEngine {

  @Override
  public DcbhPosterior infer(Association association, GwCandidate candidate, Spectrum spectrum) {
    return DcbhPosterior.newBuilder()
        .setAssociationId(association.getAssociationId())
        .setSupereventId(association.getSupereventId())
        .setSpectrumId(association.getSpectrumId())
        .setAlertVersion(association.getAlertVersion())
        .setModel(new ModelInfo("fixed-for-hostile-corpus-test", "0", "f".repeat(64)))
        .setParameters(List.of(new ParameterInfo("z", "dimensionless", 3.0, 12.0, ParameterTransform.LOGIT)))
        .setMixture(List.of(new MixtureComponent(1.0, List.of(0.0), List.of(1.0))))
        .setSummaries(List.of(new ParameterSummary("z", "dimensionless", 7.5, 1.0, 7.5, 6.0, 6.5, 8.5, 9.0)))
        .setNSamples(1)
        .setNParams(1)
        .setSamples(List.of(7.5f))
        .setModalities(List.of(Modality.SED))
        .setShadowInjection(false)
        .setTimings(new PosteriorTimings(0L, 0L, 0L, 0L, 0L, 0L))
        .build();
  }

  @Override
  public void close() {}
}
