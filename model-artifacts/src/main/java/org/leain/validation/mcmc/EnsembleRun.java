package org.leain.validation.mcmc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * One run of the (optionally tempered) affine-invariant ensemble: start, stretch moves with the
 * red/blue split, swaps between temperatures, periodic convergence checks. Not thread-safe; the
 * only parallelism is inside one half-step, over proposals whose random numbers were drawn first.
 */
final class EnsembleRun {

  /** What one run hands back to {@link EnsembleSampler}. */
  record Outcome(List<double[]> coldChain, int burnIn, double[] tau, StopReason stopReason,
      double acceptance, double swapAcceptance, long evaluations) {}

  private static final int FIRST_CHECK = 200;
  /** Steps always taken, even past the wall-time cap, so the chain has an autocorrelation estimate. */
  private static final int MIN_STEPS = 8;
  private static final double START_BALL_UNIT = 1e-3;

  private final LogDensity target;
  private final BoxBounds box;
  private final McmcConfig config;
  private final SplittableRandom random;
  private final long deadlineNanos;
  private final int d;
  private final int w;
  private final double[] betas;
  private final double[][][] position;
  private final double[][] logp;
  private long evaluations;
  private long accepted;
  private long proposed;
  private long swapsAccepted;
  private long swapsProposed;

  EnsembleRun(LogDensity target, BoxBounds box, McmcConfig config, SplittableRandom random, long deadlineNanos) {
    this.target = target;
    this.box = box;
    this.config = config;
    this.random = random;
    this.deadlineNanos = deadlineNanos;
    this.d = target.dimension();
    this.w = config.walkers();
    this.betas = config.betas();
    this.position = new double[betas.length][w][];
    this.logp = new double[betas.length][w];
  }

  Outcome run() {
    initialise();
    List<double[]> chain = new ArrayList<>();
    StopReason reason = StopReason.MAX_STEPS;
    int nextCheck = FIRST_CHECK;
    int burnIn;
    double[] tau;
    for (int step = 1; step <= config.maxStepsPerRun(); step++) {
      for (int t = 0; t < betas.length; t++) {
        stretch(t, 0);
        stretch(t, 1);
      }
      swap();
      double[] flat = new double[w * d];
      for (int k = 0; k < w; k++) {
        System.arraycopy(position[0][k], 0, flat, k * d, d);
      }
      chain.add(flat);
      if (step == nextCheck || step == config.maxStepsPerRun()) {
        if (acceptableBurnIn(chain) >= 0) {
          reason = StopReason.CONVERGED;
          break;
        }
        nextCheck = Math.max(step + FIRST_CHECK / 2, (int) (step * 1.25));
      }
      if (step >= MIN_STEPS && System.nanoTime() > deadlineNanos) {
        reason = StopReason.WALL_TIME_CAP;
        break;
      }
    }
    burnIn = reason == StopReason.CONVERGED ? acceptableBurnIn(chain)
        : burnIn(tau(chain, chain.size() / 2), chain.size());
    tau = tau(chain, burnIn);
    return new Outcome(chain, burnIn, tau, reason, (double) accepted / proposed,
        swapsProposed == 0 ? Double.NaN : (double) swapsAccepted / swapsProposed, evaluations);
  }

  /**
   * The burn-in that leaves a converged chain, or -1: first 5 tau (estimated on the second half),
   * then half the chain. Converged means the rest is longer than the tau multiple (tau estimated
   * on the rest itself) and its two halves agree by split R-hat, which catches a start transient
   * longer than the burn-in.
   */
  private int acceptableBurnIn(List<double[]> chain) {
    int n = chain.size();
    double[] late = tau(chain, n / 2);
    int first = burnIn(late, n);
    for (int burn : first == n / 2 ? new int[] {first} : new int[] {first, n / 2}) {
      if (!longEnough(n - burn, late)) {
        continue;
      }
      double[] kept = tau(chain, burn);
      if (longEnough(n - burn, kept) && halvesAgree(chain, burn, kept)) {
        return burn;
      }
    }
    return -1;
  }

  /** Split R-hat of the kept chain (thinned by tau, walkers of a step in turn) within the threshold. */
  private boolean halvesAgree(List<double[]> chain, int burn, double[] tau) {
    double max = 1;
    for (double t : tau) {
      max = Math.max(max, t);
    }
    int thin = (int) Math.ceil(max);
    int steps = (chain.size() - burn + thin - 1) / thin;
    if (steps * w < 4) {
      return false;
    }
    double[] series = new double[steps * w];
    for (int j = 0; j < d; j++) {
      for (int i = 0; i < steps; i++) {
        double[] flat = chain.get(burn + i * thin);
        for (int k = 0; k < w; k++) {
          series[i * w + k] = flat[k * d + j];
        }
      }
      if (!(SplitRhat.of(new double[][] {series}) <= config.rHatThreshold())) {
        return false;
      }
    }
    return true;
  }

  private boolean longEnough(int kept, double[] tau) {
    for (double t : tau) {
      if (!(Double.isFinite(t) && kept > config.tauMultiple() * t)) {
        return false;
      }
    }
    return true;
  }

  /** Burn-in: burnInTaus x the largest tau estimated on the second half, at most half the chain. */
  private int burnIn(double[] lateTau, int n) {
    double max = 0;
    for (double t : lateTau) {
      max = Math.max(max, Double.isFinite(t) ? t : n);
    }
    return (int) Math.min(n / 2, Math.ceil(config.burnInTaus() * max));
  }

  /** tau per parameter of chain[from:] (emcee's definition, c = 5). */
  private double[] tau(List<double[]> chain, int from) {
    int n = chain.size() - from;
    double[] tau = new double[d];
    double[][] series = new double[w][n];
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < w; k++) {
        for (int s = 0; s < n; s++) {
          series[k][s] = chain.get(from + s)[k * d + j];
        }
      }
      tau[j] = AutocorrelationTime.integratedTime(series, AutocorrelationTime.SOKAL_C);
    }
    return tau;
  }

  /** Optimise from prior draws, put the beta = 1 walkers in a small ball at the best, hotter rungs at prior draws. */
  private void initialise() {
    double[] best = null;
    double bestLogp = Double.NEGATIVE_INFINITY;
    for (int s = 0; s < config.optimiserStarts(); s++) {
      double[] start = finiteDraw();
      NelderMead optimiser = new NelderMead(target, box, 400 * d, deadlineNanos);
      double[] optimum = optimiser.minimise(start, 0.05, 1e-10);
      evaluations += optimiser.evaluations();
      double lp = evaluate(optimum);
      if (best == null || lp > bestLogp) {
        best = optimum;
        bestLogp = lp;
      }
    }
    for (int t = 1; t < betas.length; t++) {
      // Hotter rungs start from prior draws: they are close to their flattened targets and cross modes at once.
      for (int k = 0; k < w; k++) {
        position[t][k] = finiteDraw();
        logp[t][k] = evaluate(position[t][k]);
      }
    }
    for (int k = 0; k < w; k++) {
      position[0][k] = nearby(best);
      logp[0][k] = evaluate(position[0][k]);
    }
  }

  /** A point with finite density in a ball of START_BALL_UNIT box widths around x (shrunk if needed). */
  private double[] nearby(double[] x) {
    double scale = START_BALL_UNIT;
    for (int attempt = 0; attempt <= 1000; attempt++) {
      double[] y = new double[d];
      for (int j = 0; j < d; j++) {
        y[j] = x[j] + scale * box.width(j) * gaussian();
      }
      if (evaluate(y) > Double.NEGATIVE_INFINITY) {
        return y;
      }
      if (attempt > 100) {
        scale /= 2;
      }
    }
    throw new IllegalStateException("Expected a finite log density near the optimum " + Arrays.toString(x)
        + ". Actual: -infinity in 1,000 draws around it");
  }

  private double[] finiteDraw() {
    for (int attempt = 0; attempt < 10_000; attempt++) {
      double[] x = box.uniformDraw(random);
      if (evaluate(x) > Double.NEGATIVE_INFINITY) {
        return x;
      }
    }
    throw new IllegalStateException("Expected a prior draw with finite log density. Actual: none in 10,000 draws");
  }

  private double evaluate(double[] x) {
    if (!box.contains(x)) {
      return Double.NEGATIVE_INFINITY;
    }
    evaluations++;
    double lp = target.logDensity(x);
    if (Double.isNaN(lp) || lp == Double.POSITIVE_INFINITY) {
      throw new IllegalStateException("Expected a finite or -infinite log density. Actual: " + lp + " at "
          + Arrays.toString(x));
    }
    return lp;
  }

  /** The stretch move of Goodman and Weare (2010) for one half of temperature t against the other half. */
  private void stretch(int t, int half) {
    int size = w / 2;
    int offset = half * size;
    int other = (1 - half) * size;
    double a = config.stretchScale();
    double[][] proposal = new double[size][d];
    double[] logZ = new double[size];
    double[] logU = new double[size];
    for (int i = 0; i < size; i++) {
      int partner = other + random.nextInt(size);
      double u = random.nextDouble();
      double z = Math.pow((a - 1) * u + 1, 2) / a;
      logZ[i] = Math.log(z);
      logU[i] = Math.log(random.nextDouble());
      double[] xk = position[t][offset + i];
      double[] xj = position[t][partner];
      for (int j = 0; j < d; j++) {
        proposal[i][j] = xj[j] + z * (xk[j] - xj[j]);
      }
    }
    double[] lp = new double[size];
    IntStream indices = IntStream.range(0, size);
    (config.parallel() ? indices.parallel() : indices).forEach(i -> lp[i] = evaluateInBox(proposal[i]));
    for (int i = 0; i < size; i++) {
      if (!box.contains(proposal[i])) {
        lp[i] = Double.NEGATIVE_INFINITY;
      } else {
        evaluations++;
      }
    }
    for (int i = 0; i < size; i++) {
      int k = offset + i;
      if (t == 0) {
        proposed++;
      }
      if (lp[i] == Double.NEGATIVE_INFINITY) {
        continue;
      }
      double logAccept = (d - 1) * logZ[i] + betas[t] * (lp[i] - logp[t][k]);
      if (logU[i] < logAccept) {
        position[t][k] = proposal[i];
        logp[t][k] = lp[i];
        if (t == 0) {
          accepted++;
        }
      }
    }
  }

  /** Thread-safe evaluation used inside the parallel half-step (counting happens afterwards). */
  private double evaluateInBox(double[] x) {
    if (!box.contains(x)) {
      return Double.NEGATIVE_INFINITY;
    }
    double lp = target.logDensity(x);
    if (Double.isNaN(lp) || lp == Double.POSITIVE_INFINITY) {
      throw new IllegalStateException("Expected a finite or -infinite log density. Actual: " + lp);
    }
    return lp;
  }

  /** Swaps between adjacent temperatures, hottest pair first, pairing walkers by a random permutation. */
  private void swap() {
    for (int t = betas.length - 1; t >= 1; t--) {
      int[] perm = permutation();
      for (int k = 0; k < w; k++) {
        int c = perm[k];
        double logAccept = (betas[t - 1] - betas[t]) * (logp[t][k] - logp[t - 1][c]);
        swapsProposed++;
        if (Math.log(random.nextDouble()) < logAccept) {
          swapsAccepted++;
          double[] x = position[t][k];
          position[t][k] = position[t - 1][c];
          position[t - 1][c] = x;
          double l = logp[t][k];
          logp[t][k] = logp[t - 1][c];
          logp[t - 1][c] = l;
        }
      }
    }
  }

  private int[] permutation() {
    int[] p = IntStream.range(0, w).toArray();
    for (int i = w - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = p[i];
      p[i] = p[j];
      p[j] = tmp;
    }
    return p;
  }

  private double gaussian() {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }
}
