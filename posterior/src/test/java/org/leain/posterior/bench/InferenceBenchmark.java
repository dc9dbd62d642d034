package org.leain.posterior.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.leain.posterior.Posterior;
import org.leain.posterior.PosteriorEstimator;
import org.leain.posterior.PosteriorModel;
import org.leain.posterior.SpectrumArrays;
import org.leain.posterior.StrainArrays;

/**
 * Timing main for inference (not a unit test): batch-1 latency, 1,000 samples + summaries, batch-64
 * throughput. Run with one intra-op thread as the stream app does:
 * <pre>
 * java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
 *   -cp posterior/target/test-classes:posterior/target/classes:$(cat cp.txt) \
 *   org.leain.posterior.bench.InferenceBenchmark model-artifacts/models/leain-v1
 * </pre>
 */
public final class InferenceBenchmark {

  private InferenceBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Paths.get(args.length > 0 ? args[0] : "model-artifacts/models/leain-v1");
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    try (PosteriorModel model = PosteriorModel.load(dir);
        PosteriorEstimator estimator = model.newEstimator()) {
      double[] wave = estimator.gridCentresUm();
      Random random = new Random(1);
      double[] flux = new double[wave.length];
      double[] err = new double[wave.length];
      for (int i = 0; i < wave.length; i++) {
        flux[i] = 0.5 + 0.1 * random.nextGaussian();
        err[i] = 0.05;
      }
      SpectrumArrays spectrum = new SpectrumArrays(wave, flux, err, null);
      int m = model.manifest().strainGrid().size();
      int c = model.manifest().strainGrid().channels();
      float[] strainValues = new float[c * m];
      for (int i = 0; i < strainValues.length; i++) {
        strainValues[i] = (float) random.nextGaussian();
      }
      boolean[] strainMask = new boolean[m];
      Arrays.fill(strainMask, true);
      StrainArrays strain = new StrainArrays(strainValues, strainMask);
      estimator.warmUp();

      // Interleaved, so both kinds of event see the same machine load: with strain (a simulated
      // multi-messenger event) and without (a spectrum joined to a real LVK alert, the live case).
      double[] batch1 = new double[repeats];
      double[] batch1SedOnly = new double[repeats];
      Posterior last = null;
      for (int r = 0; r < repeats; r++) {
        long t0 = System.nanoTime();
        last = estimator.infer(spectrum, strain);
        batch1[r] = (System.nanoTime() - t0) / 1e6;
        t0 = System.nanoTime();
        estimator.infer(spectrum, null);
        batch1SedOnly[r] = (System.nanoTime() - t0) / 1e6;
      }
      double[] sampling = new double[Math.max(50, repeats / 10)];
      for (int r = 0; r < sampling.length; r++) {
        long t0 = System.nanoTime();
        last.summarise(last.samples(1000, r));
        sampling[r] = (System.nanoTime() - t0) / 1e6;
      }
      List<PosteriorEstimator.Observation> mixed = new ArrayList<>();
      List<PosteriorEstimator.Observation> sedOnly = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        mixed.add(new PosteriorEstimator.Observation(spectrum, i % 3 == 0 ? null : strain));
        sedOnly.add(new PosteriorEstimator.Observation(spectrum, null));
      }
      int batches = Math.max(20, repeats / 20);
      for (int i = 0; i < 5; i++) {
        estimator.inferBatch(mixed);
        estimator.inferBatch(sedOnly);
      }
      double mixedSeconds = 0;
      double sedOnlySeconds = 0;
      for (int i = 0; i < batches; i++) {
        long t0 = System.nanoTime();
        estimator.inferBatch(mixed);
        mixedSeconds += (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        estimator.inferBatch(sedOnly);
        sedOnlySeconds += (System.nanoTime() - t0) / 1e9;
      }
      System.out.printf("model %s (%s)%n", model.manifest().name(), model.manifest().network().kind());
      System.out.printf("batch-1 inference, SED + strain (ms): %s%n", percentiles(batch1));
      System.out.printf("batch-1 inference, SED only (ms): %s%n", percentiles(batch1SedOnly));
      System.out.printf("1,000 samples + summaries (ms): %s%n", percentiles(sampling));
      System.out.printf("batch-64 throughput, 2/3 with strain: %.0f events/s (%d batches in %.2f s)%n",
          batches * 64 / mixedSeconds, batches, mixedSeconds);
      System.out.printf("batch-64 throughput, SED only: %.0f events/s (%d batches in %.2f s)%n",
          batches * 64 / sedOnlySeconds, batches, sedOnlySeconds);
      String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name")).findFirst().orElse("model name: unknown");
      System.out.printf("machine: %s, %d cores, threads=%s%n", cpu.substring(cpu.indexOf(':') + 1).strip(),
          Runtime.getRuntime().availableProcessors(), System.getProperty("ai.djl.pytorch.num_threads"));
    }
  }

  static String percentiles(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    return String.format("p50 %.3f, p90 %.3f, p99 %.3f, max %.3f (n=%d)", q(s, 0.5), q(s, 0.9),
        q(s, 0.99), s[s.length - 1], s.length);
  }

  static double q(double[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * (sorted.length - 1)))];
  }
}
