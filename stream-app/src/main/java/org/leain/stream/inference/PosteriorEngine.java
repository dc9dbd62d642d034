package org.leain.stream.inference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.MixtureComponent;
import org.leain.contracts.Modality;
import org.leain.contracts.ModelInfo;
import org.leain.contracts.ParameterInfo;
import org.leain.contracts.PosteriorTimings;
import org.leain.contracts.Spectrum;
import org.leain.contracts.StrainSegment;
import org.leain.posterior.MixtureParameters;
import org.leain.posterior.Posterior;
import org.leain.posterior.PosteriorEstimator;
import org.leain.posterior.SpectrumArrays;
import org.leain.posterior.StrainArrays;
import org.leain.stream.join.AssociationChange;

/**
 * The posterior network on one stream thread: the spectrum's arrays (and the candidate's whitened
 * strain when it has one) through the thread's {@link PosteriorEstimator}, then samples and
 * summaries. Samples are seeded by the association id and alert version, so a re-run after a
 * failover gives the same posterior.
 */
final class PosteriorEngine implements InferenceEngine {
  private final PosteriorEstimator estimator;
  /** Channels of the model's strain input (TDI A and E): a segment holds them channel-major. */
  private final int strainChannels;
  private final ModelInfo model;
  private final List<ParameterInfo> parameters;
  private final int samples;

  PosteriorEngine(PosteriorEstimator estimator, ModelInfo model, List<ParameterInfo> parameters, int samples,
      int strainChannels) {
    this.strainChannels = strainChannels;
    this.estimator = estimator;
    this.model = model;
    this.parameters = parameters;
    this.samples = samples;
  }

  @Override
  public DcbhPosterior infer(Association association, GwCandidate candidate, Spectrum spectrum) {
    Posterior posterior = estimator.infer(spectrumArrays(spectrum), strainArrays(candidate.getStrain(), strainChannels));
    return contract(association, posterior);
  }

  /**
   * One forward pass for the whole batch. Records whose arrays are invalid fail alone; if the pass
   * itself fails, each record is re-run alone so that only the failing ones fail. Samples are seeded
   * per association, so the posteriors equal those of {@link #infer}.
   */
  @Override
  public List<Outcome> inferBatch(List<AssociationChange.Accepted> batch) {
    Outcome[] outcomes = new Outcome[batch.size()];
    List<Integer> runnable = new ArrayList<>();
    List<PosteriorEstimator.Observation> observations = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      AssociationChange.Accepted a = batch.get(i);
      try {
        observations.add(new PosteriorEstimator.Observation(spectrumArrays(a.spectrum()),
            strainArrays(a.candidate().getStrain(), strainChannels)));
        runnable.add(i);
      } catch (RuntimeException e) {
        outcomes[i] = new Outcome(null, e);
      }
    }
    List<Posterior> posteriors;
    try {
      posteriors = estimator.inferBatch(observations);
    } catch (RuntimeException batchFailure) {
      return InferenceEngine.super.inferBatch(batch);
    }
    for (int j = 0; j < runnable.size(); j++) {
      int i = runnable.get(j);
      try {
        outcomes[i] = new Outcome(contract(batch.get(i).association(), posteriors.get(j)), null);
      } catch (RuntimeException e) {
        outcomes[i] = new Outcome(null, e);
      }
    }
    return List.of(outcomes);
  }

  private DcbhPosterior contract(Association association, Posterior posterior) {
    long seed = association.getAssociationId().hashCode() * 31L + association.getAlertVersion();
    double[][] drawn = posterior.samples(samples, seed);
    int d = parameters.size();
    List<Float> flat = new ArrayList<>(samples * d);
    for (double[] row : drawn) {
      for (double v : row) {
        flat.add((float) v);
      }
    }
    List<org.leain.contracts.ParameterSummary> summaries = new ArrayList<>();
    for (org.leain.posterior.ParameterSummary s : posterior.summarise(drawn)) {
      summaries.add(new org.leain.contracts.ParameterSummary(s.name(), s.unit(), s.mean(), s.std(), s.median(),
          s.p05(), s.p16(), s.p84(), s.p95()));
    }
    List<Modality> modalities = new ArrayList<>();
    for (String m : posterior.modalities()) {
      modalities.add(m.equals("gw") ? Modality.STRAIN : Modality.SED);
    }
    return DcbhPosterior.newBuilder()
        .setAssociationId(association.getAssociationId())
        .setSupereventId(association.getSupereventId())
        .setSpectrumId(association.getSpectrumId())
        .setAlertVersion(association.getAlertVersion())
        .setModel(model)
        .setParameters(parameters)
        .setMixture(mixture(posterior.mixture()))
        .setSummaries(summaries)
        .setNSamples(samples)
        .setNParams(d)
        .setSamples(flat)
        .setModalities(modalities)
        .setShadowInjection(false)
        .setTimings(new PosteriorTimings(0L, 0L, 0L, 0L, 0L, 0L))
        .setWarnings(posterior.warnings())
        .build();
  }

  private static List<MixtureComponent> mixture(MixtureParameters m) {
    List<MixtureComponent> out = new ArrayList<>();
    for (int k = 0; k < m.weights().length; k++) {
      List<Double> mean = new ArrayList<>();
      for (double v : m.means()[k]) {
        mean.add(v);
      }
      List<Double> packed = new ArrayList<>();
      double[][] l = m.covarianceCholesky()[k];
      for (int i = 0; i < l.length; i++) {
        for (int j = 0; j <= i; j++) {
          packed.add(l[i][j]);
        }
      }
      out.add(new MixtureComponent(m.weights()[k], mean, packed));
    }
    return out;
  }

  static SpectrumArrays spectrumArrays(Spectrum s) {
    int n = s.getWavelengthUm().size();
    double[] wave = new double[n];
    double[] flux = new double[n];
    double[] err = new double[n];
    boolean[] mask = new boolean[n];
    for (int i = 0; i < n; i++) {
      wave[i] = s.getWavelengthUm().get(i);
      flux[i] = s.getFluxUjy().get(i);
      err[i] = s.getFluxErrUjy().get(i);
      mask[i] = s.getMask().get(i);
    }
    return new SpectrumArrays(wave, flux, err, mask);
  }

  /**
   * The segment's samples as the estimator wants them: channel-major values (channels x M, as the
   * contract's samples hold them) and ONE mask of M entries, a sample being usable only when it is
   * usable in every channel (the contract's mask has one entry per value).
   *
   * @throws IllegalArgumentException when the sample count is not a multiple of the model's channels
   */
  static StrainArrays strainArrays(StrainSegment strain, int channels) {
    if (strain == null) {
      return null;
    }
    int n = strain.getSamples().size();
    if (channels < 1 || n == 0 || n % channels != 0) {
      throw new IllegalArgumentException("Expected strain samples as " + channels
          + " channel(s) of equal length (channel-major). Actual: " + n + " samples");
    }
    int perChannel = n / channels;
    float[] samples = new float[n];
    boolean[] mask = new boolean[perChannel];
    Arrays.fill(mask, true);
    List<Boolean> given = strain.getMask();
    if (given != null && given.size() != n) {
      throw new IllegalArgumentException("Expected a strain mask of " + n + " entries (one per sample). Actual: "
          + given.size());
    }
    for (int i = 0; i < n; i++) {
      samples[i] = strain.getSamples().get(i);
      if (given != null && !given.get(i)) {
        mask[i % perChannel] = false;
      }
    }
    return new StrainArrays(samples, mask);
  }

  @Override
  public void close() {
    estimator.close();
  }
}
