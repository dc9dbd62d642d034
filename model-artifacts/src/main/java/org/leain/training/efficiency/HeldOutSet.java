package org.leain.training.efficiency;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.training.SimulatorExamples;
import org.leain.validation.dcbh.NetworkPosterior;
import org.leain.validation.dcbh.SimulatorProblem;
import org.leain.validation.metrics.EventPosterior;
import org.leain.validation.run.ValidationProblem.TestEvent;

/**
 * The fixed held-out test events every trained model is scored on: event k is
 * {@code SimulatorProblem.noisy(Simulator.standard()).draw(s_k)} with s_k the (2k+1)-th
 * {@code nextLong()} of {@code SplittableRandom(seed)} (ValidationRun takes the one in between as
 * the event's posterior-draw seed), exactly the test set of
 * {@code ./leain validate --seed seed --n-test n}, so its NLTPs are comparable with the
 * validation report's.
 */
final class HeldOutSet {

  /** Observations per network call (the estimator's largest batch). */
  private static final int CHUNK = 256;

  private final SimulatorProblem problem;
  private final long[] seeds;
  private final List<TestEvent<Observation>> events;
  private final long seed;

  private HeldOutSet(SimulatorProblem problem, long seed, long[] seeds,
      List<TestEvent<Observation>> events) {
    this.problem = problem;
    this.seed = seed;
    this.seeds = seeds;
    this.events = events;
  }

  /** Simulates the n held-out events of this seed. */
  static HeldOutSet draw(int n, long seed) {
    if (n < 1) {
      throw new IllegalArgumentException("Expected at least 1 held-out event. Actual: " + n);
    }
    SimulatorProblem problem = SimulatorProblem.noisy(Simulator.standard());
    SplittableRandom random = new SplittableRandom(seed);
    long[] seeds = new long[n];
    List<TestEvent<Observation>> events = new ArrayList<>(n);
    for (int k = 0; k < n; k++) {
      seeds[k] = random.nextLong();
      events.add(problem.draw(seeds[k]));
      random.nextLong(); // ValidationRun's per-event posterior-draw seed: skipped to keep its events
    }
    return new HeldOutSet(problem, seed, seeds, events);
  }

  int size() {
    return events.size();
  }

  long seed() {
    return seed;
  }

  /**
   * Throws unless no held-out event shares its simulator seed (and so its theta and signal) with
   * on-the-fly training example 0..examples-1 of {@code trainingSeed}.
   */
  void requireDisjointFrom(long trainingSeed, long examples) {
    long first = SimulatorExamples.exampleSeed(trainingSeed, 0);
    for (int k = 0; k < seeds.length; k++) {
      long offset = seeds[k] - first;
      if (offset >= 0 && offset < examples) {
        throw new IllegalStateException("Expected held-out events disjoint from the training "
            + "simulations. Actual: held-out event " + k + " is training example " + offset);
      }
    }
  }

  /** -ln q(theta* | x) of every held-out event under the model in this folder, nats. */
  double[] negativeLogProbabilities(Path modelDirectory) throws IOException {
    double[] out = new double[events.size()];
    try (NetworkPosterior q = NetworkPosterior.load(modelDirectory, problem.parameterNames())) {
      for (int start = 0; start < events.size(); start += CHUNK) {
        List<TestEvent<Observation>> chunk = events.subList(start, Math.min(events.size(), start + CHUNK));
        List<EventPosterior> posteriors = q.posteriors(chunk.stream().map(TestEvent::observation).toList());
        for (int k = 0; k < chunk.size(); k++) {
          out[start + k] = -posteriors.get(k).logDensity(chunk.get(k).thetaTrue());
        }
      }
    }
    return out;
  }
}
