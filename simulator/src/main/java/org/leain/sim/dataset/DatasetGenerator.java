package org.leain.sim.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;

/**
 * Generates a dataset of prior draws and their noise-free observations, in parallel and
 * deterministically: event i's theta comes from {@code eventSeed(seed, i)} and its flux errors
 * from the observation seed derived from it, so the file is byte-identical whatever the number of
 * threads. Chunks are computed in parallel and written in index order.
 */
public final class DatasetGenerator {

  private static final int CHUNK = 256;

  private final Simulator simulator;

  /** A generator over {@code simulator} and the uniform prior. */
  public DatasetGenerator(Simulator simulator) {
    this.simulator = simulator;
  }

  /**
   * A well-mixed seed for event {@code index} of the dataset with seed {@code datasetSeed}
   * (SplitMix64 finaliser of seed + (index + 1) * golden gamma).
   */
  public static long eventSeed(long datasetSeed, long index) {
    long z = datasetSeed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Event {@code index}'s parameters. */
  public static Theta eventTheta(long datasetSeed, long index) {
    return Prior.uniform().sample(new SplittableRandom(eventSeed(datasetSeed, index)));
  }

  /**
   * Writes {@code n} records to {@code out} using {@code threads} workers, reporting the number of
   * records written so far to {@code progress}.
   */
  public void generate(long n, long datasetSeed, int threads, Path out, LongConsumer progress)
      throws IOException {
    if (n < 0 || threads < 1) {
      throw new IllegalArgumentException(
          "Expected n >= 0 and threads >= 1. Actual: n=" + n + ", threads=" + threads);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "simulate");
      t.setDaemon(true);
      return t;
    });
    try (DatasetWriter writer = DatasetWriter.create(out, datasetSeed)) {
      Deque<Future<Chunk>> pending = new ArrayDeque<>();
      long nextStart = 0;
      while (nextStart < n || !pending.isEmpty()) {
        while (nextStart < n && pending.size() < 2 * threads) {
          long start = nextStart;
          int count = (int) Math.min(CHUNK, n - start);
          pending.add(pool.submit(() -> chunk(datasetSeed, start, count)));
          nextStart += count;
        }
        Chunk chunk = pending.removeFirst().get();
        for (int k = 0; k < chunk.thetas.length; k++) {
          writer.write(chunk.thetas[k], chunk.observations[k]);
        }
        progress.accept(writer.count());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while generating", e);
    } catch (ExecutionException e) {
      throw new IOException("Simulation failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private Chunk chunk(long datasetSeed, long start, int count) {
    Theta[] thetas = new Theta[count];
    Observation[] observations = new Observation[count];
    for (int k = 0; k < count; k++) {
      long seed = eventSeed(datasetSeed, start + k);
      SplittableRandom random = new SplittableRandom(seed);
      thetas[k] = Prior.uniform().sample(random);
      observations[k] = simulator.simulateNoiseFree(thetas[k], random.nextLong());
    }
    return new Chunk(thetas, observations);
  }

  private record Chunk(Theta[] thetas, Observation[] observations) {}
}
