package org.leain.stream.shadow;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.MixtureComponent;
import org.leain.contracts.Modality;
import org.leain.contracts.ModelInfo;
import org.leain.contracts.ParameterInfo;
import org.leain.contracts.ParameterTransform;
import org.leain.contracts.PosteriorTimings;
import org.leain.contracts.Spectrum;
import org.leain.sim.prior.Parameter;
import org.leain.stream.inference.InferenceEngine;

/**
 * TEST ONLY, not a model: the posterior of {@link ToyInjections}' toy problem, a Gaussian
 * N(y_k, (widthScale NOISE)^2) per parameter in its logit coordinate (one mixture component, LOGIT
 * transforms on the simulator's prior intervals), y read from the first seven flux bins. With
 * widthScale 1 it is the exact calibrated posterior; below 1 it is overconfident.
 */
final class ToyGaussianEngine implements InferenceEngine {
  static final int SAMPLES = 400;
  private final double widthScale;

  ToyGaussianEngine(double widthScale) {
    this.widthScale = widthScale;
  }

  @Override
  public DcbhPosterior infer(Association association, GwCandidate candidate, Spectrum spectrum) {
    List<Parameter> parameters = ToyInjections.parameters();
    int d = parameters.size();
    double width = widthScale * ToyInjections.NOISE;
    List<Double> mean = new ArrayList<>();
    List<Double> cholesky = new ArrayList<>();
    List<ParameterInfo> infos = new ArrayList<>();
    for (int k = 0; k < d; k++) {
      Parameter p = parameters.get(k);
      mean.add(spectrum.getFluxUjy().get(k));
      for (int j = 0; j <= k; j++) {
        cholesky.add(j == k ? width : 0.0);
      }
      infos.add(new ParameterInfo(p.id(), p.unit(), p.lower(), p.upper(), ParameterTransform.LOGIT));
    }
    SplittableRandom random = new SplittableRandom(association.getAssociationId().hashCode());
    List<Float> samples = new ArrayList<>(SAMPLES * d);
    for (int i = 0; i < SAMPLES; i++) {
      for (int k = 0; k < d; k++) {
        Parameter p = parameters.get(k);
        double z = mean.get(k) + width * random.nextGaussian();
        samples.add((float) (p.lower() + (p.upper() - p.lower()) / (1 + Math.exp(-z))));
      }
    }
    return DcbhPosterior.newBuilder()
        .setAssociationId(association.getAssociationId())
        .setSupereventId(association.getSupereventId())
        .setSpectrumId(association.getSpectrumId())
        .setAlertVersion(association.getAlertVersion())
        .setModel(new ModelInfo("test-only-toy-gaussian", "0", "0".repeat(64)))
        .setParameters(infos)
        .setMixture(List.of(new MixtureComponent(1.0, mean, cholesky)))
        .setSummaries(List.of())
        .setNSamples(SAMPLES)
        .setNParams(d)
        .setSamples(samples)
        .setModalities(List.of(Modality.SED))
        .setShadowInjection(false)
        .setTimings(new PosteriorTimings(0L, 0L, 0L, 0L, 0L, 0L))
        .build();
  }

  @Override
  public void close() {}
}
