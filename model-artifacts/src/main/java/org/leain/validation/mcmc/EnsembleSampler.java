package org.leain.validation.mcmc;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The MCMC gold standard: an affine-invariant ensemble sampler (Goodman and Weare 2010), optionally
 * with parallel tempering, over independent runs checked with split R-hat. Deterministic for a seed
 * unless the wall-time cap is hit (then the stopping step depends on the machine, and the result
 * says so).
 */
public final class EnsembleSampler {

  private EnsembleSampler() {}

  /**
   * Samples {@code target} inside {@code box}.
   *
   * @throws IllegalArgumentException if the box and the target disagree on the dimension, or there
   *     are fewer than 2 x dimension walkers
   */
  public static McmcResult run(LogDensity target, BoxBounds box, McmcConfig config, long seed) {
    int d = target.dimension();
    if (box.dimension() != d) {
      throw new IllegalArgumentException("Expected a box of the target's dimension " + d + ". Actual: " + box.dimension());
    }
    if (config.walkers() < 2 * d) {
      throw new IllegalArgumentException("Expected at least 2 x dimension = " + 2 * d + " walkers. Actual: "
          + config.walkers());
    }
    long start = System.nanoTime();
    long perRunNanos = config.wallTimeCap().toNanos() / config.independentRuns();
    SplittableRandom master = new SplittableRandom(seed);
    List<EnsembleRun.Outcome> outcomes = new ArrayList<>();
    for (int r = 0; r < config.independentRuns(); r++) {
      SplittableRandom runRandom = master.split();
      long deadline = System.nanoTime() + perRunNanos;
      outcomes.add(new EnsembleRun(target, box, config, runRandom, deadline).run());
    }
    return combine(outcomes, config, d, (System.nanoTime() - start) / 1e9);
  }

  private static McmcResult combine(List<EnsembleRun.Outcome> outcomes, McmcConfig config, int d, double seconds) {
    int w = config.walkers();
    double[] tau = new double[d];
    double[] nEff = new double[d];
    StopReason reason = StopReason.CONVERGED;
    double acceptance = 0;
    double swap = 0;
    long evaluations = 0;
    int steps = 0;
    int burn = 0;
    for (EnsembleRun.Outcome o : outcomes) {
      int kept = o.coldChain().size() - o.burnIn();
      for (int j = 0; j < d; j++) {
        tau[j] = Math.max(tau[j], o.tau()[j]);
        nEff[j] += w * kept / Math.max(1.0, o.tau()[j]);
      }
      if (o.stopReason() == StopReason.WALL_TIME_CAP
          || (o.stopReason() == StopReason.MAX_STEPS && reason == StopReason.CONVERGED)) {
        reason = o.stopReason();
      }
      acceptance += o.acceptance() / outcomes.size();
      swap += o.swapAcceptance() / outcomes.size();
      evaluations += o.evaluations();
      steps = Math.max(steps, o.coldChain().size());
      burn = Math.max(burn, o.burnIn());
    }
    double maxTau = 1;
    for (double t : tau) {
      maxTau = Math.max(maxTau, Double.isFinite(t) ? t : steps);
    }
    int thin = (int) Math.ceil(maxTau);
    List<double[]> samples = new ArrayList<>();
    int commonLength = Integer.MAX_VALUE;
    for (EnsembleRun.Outcome o : outcomes) {
      int count = 0;
      for (int s = o.burnIn(); s < o.coldChain().size(); s += thin) {
        double[] flat = o.coldChain().get(s);
        for (int k = 0; k < w; k++) {
          double[] x = new double[d];
          System.arraycopy(flat, k * d, x, 0, d);
          samples.add(x);
        }
        count++;
      }
      commonLength = Math.min(commonLength, count);
    }
    double[] rHat = new double[d];
    for (int j = 0; j < d; j++) {
      rHat[j] = commonLength < 2 ? Double.NaN : rHat(outcomes, j, d, w, thin, commonLength);
    }
    boolean mixed = true;
    for (double r : rHat) {
      mixed &= Double.isFinite(r) && r <= config.rHatThreshold();
    }
    boolean converged = reason == StopReason.CONVERGED && mixed;
    return new McmcResult(samples.toArray(new double[0][]), tau, nEff, rHat, acceptance, swap, seconds,
        converged, reason, w, steps, burn, thin, evaluations);
  }

  /**
   * Split R-hat of parameter j with each run as one chain: its first {@code length} thinned steps
   * after burn-in (for a single run, exactly the draws its own convergence check used), all walkers
   * of a step in turn. Walkers of one ensemble are not independent chains (they move
   * against each other), so the run is the unit whose agreement R-hat checks.
   */
  private static double rHat(List<EnsembleRun.Outcome> outcomes, int j, int d, int w, int thin, int length) {
    double[][] chains = new double[outcomes.size()][length * w];
    for (int r = 0; r < outcomes.size(); r++) {
      EnsembleRun.Outcome o = outcomes.get(r);
      for (int i = 0; i < length; i++) {
        double[] flat = o.coldChain().get(o.burnIn() + i * thin);
        for (int k = 0; k < w; k++) {
          chains[r][i * w + k] = flat[k * d + j];
        }
      }
    }
    return SplitRhat.of(chains);
  }
}
