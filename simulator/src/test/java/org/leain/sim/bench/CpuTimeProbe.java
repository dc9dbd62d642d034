package org.leain.sim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.leain.sim.Likelihood;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;

/**
 * The same two workloads as {@link SimulatorBenchmark}, timed in thread CPU time rather than wall
 * time, so that the per-core cost can be read on a machine shared with other jobs (where JMH's wall
 * clock includes time the thread spent descheduled). Prints the median and range over 15 rounds.
 * Run: {@code java -cp <test classpath> org.leain.sim.bench.CpuTimeProbe}.
 */
public final class CpuTimeProbe {

  private CpuTimeProbe() {}

  public static void main(String[] args) {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Simulator simulator = Simulator.standard();
    Likelihood likelihood = new Likelihood(simulator);
    SplittableRandom random = new SplittableRandom(2024);
    Theta[] draws = new Theta[4096];
    for (int i = 0; i < draws.length; i++) {
      draws[i] = Prior.uniform().sample(random);
    }
    Theta truth = new Theta(6.0, 6.5, -0.5, 10.5, 2.5, -2.0, 0.6, 1.0);
    Observation x = simulator.simulate(truth, 7);
    int rounds = 15;
    int perRound = 4000;
    double[] simUs = new double[rounds];
    double[] likeUs = new double[rounds];
    double sink = 0;
    for (int warm = 0; warm < 3; warm++) {
      for (int i = 0; i < perRound; i++) {
        sink += simulator.simulate(draws[i & 4095], i).fluxUjy()[0];
        sink += likelihood.logLikelihood(draws[i & 4095], x);
      }
    }
    for (int r = 0; r < rounds; r++) {
      long t0 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        sink += simulator.simulate(draws[(i + r) & 4095], r * perRound + i).strainA()[5];
      }
      long t1 = bean.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        double[] v = truth.toArray();
        v[0] += 1e-4 * (i % 17);
        sink += likelihood.logLikelihood(Theta.of(v), x);
      }
      long t2 = bean.getCurrentThreadCpuTime();
      simUs[r] = (t1 - t0) / 1e3 / perRound;
      likeUs[r] = (t2 - t1) / 1e3 / perRound;
    }
    Arrays.sort(simUs);
    Arrays.sort(likeUs);
    System.out.printf("full noisy observation: median %.1f us CPU (%.0f per second per core), range %.1f-%.1f us%n",
        simUs[rounds / 2], 1e6 / simUs[rounds / 2], simUs[0], simUs[rounds - 1]);
    System.out.printf("logLikelihood: median %.1f us CPU, range %.1f-%.1f us (sink %s)%n",
        likeUs[rounds / 2], likeUs[0], likeUs[rounds - 1], Double.isFinite(sink) ? "ok" : "nan");
  }
}
