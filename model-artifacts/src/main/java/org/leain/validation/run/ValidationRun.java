package org.leain.validation.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leain.validation.mcmc.EnsembleSampler;
import org.leain.validation.mcmc.LogDensity;
import org.leain.validation.mcmc.McmcResult;
import org.leain.validation.metrics.C2st;
import org.leain.validation.metrics.CoverageCurve;
import org.leain.validation.metrics.EventDraws;
import org.leain.validation.metrics.EventPosterior;
import org.leain.validation.metrics.IntervalCoverage;
import org.leain.validation.metrics.KlDivergence;
import org.leain.validation.metrics.Nltp;
import org.leain.validation.metrics.SbcRanks;
import org.leain.validation.metrics.Tarp;

/**
 * Runs the whole validation of two amortised posteriors (LEAIN and the baseline) on one problem:
 * the test-set metrics for both, then, on the first events, the MCMC gold standard with KL, C2ST
 * and the speed comparison (same machine, same run). Deterministic for the settings' seed apart
 * from wall times (and MCMC runs that hit their wall-time cap, which the results report).
 */
public final class ValidationRun {

  private static final int BATCH = 256;
  private static final int BOOTSTRAP = 1000;
  private static final int TARP_BINS = 50;

  private ValidationRun() {}

  public static <X> ValidationResults run(ValidationProblem<X> problem, AmortizedPosterior<X> leain,
      AmortizedPosterior<X> baseline, ValidationSettings settings) {
    SplittableRandom random = new SplittableRandom(settings.seed());
    List<ValidationProblem.TestEvent<X>> events = new ArrayList<>();
    long[] drawSeeds = new long[settings.testEvents()];
    for (int i = 0; i < settings.testEvents(); i++) {
      events.add(problem.draw(random.nextLong()));
      drawSeeds[i] = random.nextLong();
    }
    ModelMetrics leainMetrics = metrics(problem, leain, events, drawSeeds, settings);
    ModelMetrics baselineMetrics = metrics(problem, baseline, events, drawSeeds, settings);
    List<McmcEventOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < settings.mcmcEvents(); i++) {
      outcomes.add(mcmcEvent(problem, leain, baseline, events.get(i), settings, random.nextLong()));
    }
    return new ValidationResults(summary(leainMetrics, baselineMetrics, outcomes, settings),
        problem.parameterNames(), problem.box(), leainMetrics, baselineMetrics, outcomes, settings);
  }

  private static <X> ModelMetrics metrics(ValidationProblem<X> problem, AmortizedPosterior<X> model,
      List<ValidationProblem.TestEvent<X>> events, long[] seeds, ValidationSettings settings) {
    List<EventDraws> draws = new ArrayList<>();
    for (int start = 0; start < events.size(); start += BATCH) {
      List<ValidationProblem.TestEvent<X>> batch = events.subList(start, Math.min(events.size(), start + BATCH));
      List<X> observations = new ArrayList<>();
      batch.forEach(e -> observations.add(e.observation()));
      List<EventPosterior> posteriors = model.posteriors(observations);
      for (int k = 0; k < batch.size(); k++) {
        draws.add(EventDraws.of(batch.get(k).thetaTrue(), posteriors.get(k), settings.drawsPerEvent(),
            seeds[start + k]));
      }
    }
    return new ModelMetrics(model.name(),
        Nltp.of(draws, BOOTSTRAP, settings.seed()),
        IntervalCoverage.of(draws, 0.9),
        CoverageCurve.of(draws, CoverageCurve.standardLevels()),
        Tarp.of(draws, problem.box(), TARP_BINS, settings.seed()),
        SbcRanks.of(draws, settings.sbcBins()));
  }

  private static <X> McmcEventOutcome mcmcEvent(ValidationProblem<X> problem, AmortizedPosterior<X> leain,
      AmortizedPosterior<X> baseline, ValidationProblem.TestEvent<X> event, ValidationSettings settings, long seed) {
    LogDensity target = problem.logPosterior(event.observation());
    McmcResult mcmc = EnsembleSampler.run(target, problem.box(), settings.mcmc(), seed);
    long start = System.nanoTime();
    EventPosterior q = leain.posterior(event.observation());
    double[][] draws = q.sample(settings.drawsPerEvent(), seed + 1);
    double leainSeconds = (System.nanoTime() - start) / 1e9;
    KlDivergence.Estimate klLeain = KlDivergence.estimate(target, mcmc.samples(), q, settings.importanceSamples(), seed + 2);
    KlDivergence.Estimate klBaseline = KlDivergence.estimate(target, mcmc.samples(),
        baseline.posterior(event.observation()), settings.importanceSamples(), seed + 3);
    C2st c2st = C2st.of(draws, mcmc.samples(), seed + 4);
    double speedup = mcmc.secondsPerEffectiveSample() / (leainSeconds / settings.drawsPerEvent());
    return new McmcEventOutcome(event.thetaTrue(), mcmc, draws, klLeain, klBaseline, c2st, leainSeconds, speedup);
  }

  private static ValidationSummary summary(ModelMetrics leain, ModelMetrics baseline, List<McmcEventOutcome> mcmc,
      ValidationSettings settings) {
    double klLeain = mean(mcmc.stream().mapToDouble(o -> o.klLeain().klNats()).toArray());
    double klBaseline = mean(mcmc.stream().mapToDouble(o -> o.klBaseline().klNats()).toArray());
    return new ValidationSummary(
        leain.nltp().mean(),
        baseline.nltp().mean(),
        klLeain,
        klBaseline,
        1 - klLeain / klBaseline,
        median(mcmc.stream().mapToDouble(o -> o.klLeain().isEfficiency()).toArray()),
        leain.coverage90().mean(),
        baseline.coverage90().mean(),
        leain.coverageCurve().maxAbsDeviation(),
        leain.tarp().atc(),
        median(mcmc.stream().mapToDouble(o -> o.c2stLeain().accuracy()).toArray()),
        median(mcmc.stream().mapToDouble(McmcEventOutcome::speedup).toArray()),
        settings.testEvents(),
        settings.mcmcEvents(),
        settings.seed());
  }

  private static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElseThrow();
  }

  private static double median(double[] v) {
    if (v.length == 0) {
      return Double.NaN;
    }
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
  }
}
