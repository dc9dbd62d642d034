package org.leain.validation.run;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
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
  /** The speed comparison's sample count: MCMC time to this many effective samples vs network time to this many draws. */
  public static final int SPEED_SAMPLES = 5000;

  private ValidationRun() {}

  public static <X> ValidationResults run(ValidationProblem<X> problem, AmortizedPosterior<X> leain,
      AmortizedPosterior<X> baseline, ValidationSettings settings) {
    return run(problem, leain, baseline, settings, Instant.MAX, new PrintStream(OutputStream.nullOutputStream()));
  }

  /**
   * As {@link #run(ValidationProblem, AmortizedPosterior, AmortizedPosterior, ValidationSettings)}, with progress
   * lines on {@code progress}; no MCMC event is started after {@code mcmcDeadline}, so the results may hold
   * fewer MCMC events than the settings ask (the summary's n_mcmc is the number actually run).
   */
  public static <X> ValidationResults run(ValidationProblem<X> problem, AmortizedPosterior<X> leain,
      AmortizedPosterior<X> baseline, ValidationSettings settings, Instant mcmcDeadline, PrintStream progress) {
    long t0 = System.nanoTime();
    SplittableRandom random = new SplittableRandom(settings.seed());
    List<ValidationProblem.TestEvent<X>> events = new ArrayList<>();
    long[] drawSeeds = new long[settings.testEvents()];
    for (int i = 0; i < settings.testEvents(); i++) {
      events.add(problem.draw(random.nextLong()));
      drawSeeds[i] = random.nextLong();
      if ((i + 1) % 250 == 0 || i + 1 == settings.testEvents()) {
        progress.printf("validate: simulated %d/%d test events (%.0f s)%n", i + 1, settings.testEvents(), since(t0));
      }
    }
    ModelMetrics leainMetrics = metrics(problem, leain, events, drawSeeds, settings);
    progress.printf("validate: %s test-set metrics done (%.0f s)%n", leain.name(), since(t0));
    ModelMetrics baselineMetrics = metrics(problem, baseline, events, drawSeeds, settings);
    progress.printf("validate: %s test-set metrics done (%.0f s)%n", baseline.name(), since(t0));
    List<McmcEventOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < settings.mcmcEvents(); i++) {
      long eventSeed = random.nextLong();
      if (Instant.now().isAfter(mcmcDeadline)) {
        progress.printf("validate: MCMC deadline %s reached after %d of %d events%n", mcmcDeadline, i,
            settings.mcmcEvents());
        break;
      }
      McmcEventOutcome o = mcmcEvent(problem, leain, baseline, events.get(i), settings, eventSeed);
      outcomes.add(o);
      progress.printf("validate: MCMC event %d/%d: %.1f s, converged %s, min n_eff %.0f, KL %.3g vs %.3g, C2ST %.3f, "
          + "speed-up %.3g (%.0f s)%n", i + 1, settings.mcmcEvents(), o.mcmc().wallTimeSeconds(), o.mcmc().converged(),
          o.mcmc().minEffectiveSampleSize(), o.klLeain().klNats(), o.klBaseline().klNats(), o.c2stLeain().accuracy(),
          o.speedup(), since(t0));
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
    // Same event, same run: the network's time from observation to SPEED_SAMPLES draws.
    long start = System.nanoTime();
    EventPosterior q = leain.posterior(event.observation());
    q.sample(SPEED_SAMPLES, seed + 5);
    double leainSeconds = (System.nanoTime() - start) / 1e9;
    double mcmcSeconds = mcmc.secondsPerEffectiveSample() * SPEED_SAMPLES;
    double[][] draws = q.sample(settings.drawsPerEvent(), seed + 1);
    EventPosterior qBaseline = baseline.posterior(event.observation());
    double[][] baselineDraws = qBaseline.sample(settings.drawsPerEvent(), seed + 6);
    KlDivergence.Estimate klLeain = KlDivergence.estimate(target, mcmc.samples(), q, settings.importanceSamples(), seed + 2);
    KlDivergence.Estimate klBaseline = KlDivergence.estimate(target, mcmc.samples(), qBaseline,
        settings.importanceSamples(), seed + 3);
    C2st c2st = C2st.of(draws, mcmc.samples(), seed + 4);
    return new McmcEventOutcome(event.thetaTrue(), mcmc, draws, baselineDraws, klLeain, klBaseline, c2st,
        leainSeconds, mcmcSeconds, mcmcSeconds / leainSeconds);
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
        Nltp.median(mcmc.stream().mapToDouble(o -> o.klLeain().isEfficiency()).toArray()),
        leain.coverage90().mean(),
        baseline.coverage90().mean(),
        leain.coverageCurve().maxAbsDeviation(),
        leain.tarp().atc(),
        Nltp.median(mcmc.stream().mapToDouble(o -> o.c2stLeain().accuracy()).toArray()),
        Nltp.median(mcmc.stream().mapToDouble(McmcEventOutcome::speedup).toArray()),
        settings.testEvents(),
        mcmc.size(),
        settings.seed());
  }

  private static double since(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double mean(double[] v) {
    return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElseThrow();
  }
}
