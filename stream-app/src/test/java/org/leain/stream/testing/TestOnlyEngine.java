package org.leain.stream.testing;

import java.util.ArrayList;
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
 * TEST ONLY, not a model: a deterministic stand-in for the posterior network so the topology can be
 * tested without model weights. Its "posterior" is a unit Gaussian in one parameter centred on the
 * spectrum's redshift (or 0); it fails on spectra whose id starts with {@code POISON} to exercise the
 * MODEL_FAILURE dead letter. Counts open engines so tests can check the one-per-thread lifecycle.
 */
public final class TestOnlyEngine implements InferenceEngine {
  public static final java.util.concurrent.atomic.AtomicInteger OPEN = new java.util.concurrent.atomic.AtomicInteger();

  public TestOnlyEngine() {
    OPEN.incrementAndGet();
  }

  @Override
  public DcbhPosterior infer(Association association, GwCandidate candidate, Spectrum spectrum) {
    if (spectrum.getSpectrumId().startsWith("POISON")) {
      throw new IllegalStateException("test-only engine refuses " + spectrum.getSpectrumId());
    }
    double centre = spectrum.getRedshiftSpec() == null ? 0 : spectrum.getRedshiftSpec();
    List<Float> samples = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      samples.add((float) (centre + (i - 4.5) / 4.5));
    }
    List<Modality> modalities = new ArrayList<>(List.of(Modality.SED));
    if (candidate.getStrain() != null) {
      modalities.add(Modality.STRAIN);
    }
    return DcbhPosterior.newBuilder()
        .setAssociationId(association.getAssociationId())
        .setSupereventId(association.getSupereventId())
        .setSpectrumId(association.getSpectrumId())
        .setAlertVersion(association.getAlertVersion())
        .setModel(new ModelInfo("test-only-deterministic", "0", "0".repeat(64)))
        .setParameters(List.of(new ParameterInfo("z", "dimensionless", 3.0, 12.0, ParameterTransform.LOGIT)))
        .setMixture(List.of(new MixtureComponent(1.0, List.of(centre), List.of(1.0))))
        .setSummaries(List.of(new ParameterSummary("z", "dimensionless", centre, 1.0, centre, centre - 1.645,
            centre - 1.0, centre + 1.0, centre + 1.645)))
        .setNSamples(samples.size())
        .setNParams(1)
        .setSamples(samples)
        .setModalities(modalities)
        .setShadowInjection(false)
        .setTimings(new PosteriorTimings(0L, 0L, 0L, 0L, 0L, 0L))
        .build();
  }

  @Override
  public void close() {
    OPEN.decrementAndGet();
  }
}
