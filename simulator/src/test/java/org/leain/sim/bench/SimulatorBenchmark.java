package org.leain.sim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.leain.sim.Likelihood;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of full noisy observations (SED + strain, noise included) per core, and the latency of
 * one log-likelihood call as MCMC makes it (same observation, a new theta near the truth each
 * call). Run: {@code java -cp <test classpath> org.leain.sim.bench.SimulatorBenchmark}.
 */
@State(Scope.Thread)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class SimulatorBenchmark {

  private final Simulator simulator = Simulator.standard();
  private final Likelihood likelihood = new Likelihood(simulator);
  private Theta[] priorDraws;
  private Theta[] nearTruth;
  private Observation observation;
  private int next;
  private long seed;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(2024);
    priorDraws = new Theta[4096];
    for (int i = 0; i < priorDraws.length; i++) {
      priorDraws[i] = Prior.uniform().sample(random);
    }
    Theta truth = new Theta(6.0, 6.5, -0.5, 10.5, 2.5, -2.0, 0.6, 1.0);
    observation = simulator.simulate(truth, 7);
    nearTruth = new Theta[4096];
    double[] t = truth.toArray();
    for (int i = 0; i < nearTruth.length; i++) {
      double[] v = t.clone();
      for (int k = 0; k < 7; k++) {
        v[k] += 1e-3 * (random.nextDouble() - 0.5);
      }
      nearTruth[i] = Theta.of(v);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Observation fullNoisyObservation() {
    Theta theta = priorDraws[next++ & 4095];
    return simulator.simulate(theta, seed++);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public double logLikelihood() {
    return likelihood.logLikelihood(nearTruth[next++ & 4095], observation);
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(SimulatorBenchmark.class.getSimpleName()).build()).run();
  }
}
