package org.leain.stream.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.leain.contracts.AlertType;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.Spectrum;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.inference.ModelEngines;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;

/**
 * Inference throughput of the processor path with and without micro-batching: the real topology in
 * a TopologyTestDriver with the real model (model-artifacts/models/leain-v1), N spectra already
 * waiting inside a GW region, then the candidate: its arrival pairs all N at once and they go through
 * the inference step. Reports, per {@code inference.batch.max.records}, the median over repetitions
 * of posteriors per second (wall time from the candidate to the last posterior, join included) and
 * the range, and the process CPU time per posterior (robust to a shared machine). Settings are run
 * interleaved (1, 16, 64, 1, 16, 64, ...) so that drift of the machine hits all alike.
 *
 * <p>Run: see stream-app/RESULTS.md. Arguments: [N spectra, default 128] [runs per setting, default 5].
 */
public final class InferenceBatchBench {
  private static final MultiOrderSkymap REGION = Fixtures.gaussianMap(150, 20, 3, 6);
  private static final long T0 = 1_800_000_000_000L;

  private InferenceBatchBench() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 128;
    int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path modelDir = Fixtures.root().resolve("model-artifacts/models/leain-v1");
    List<Spectrum> spectra = new ArrayList<>();
    Spectrum real = Fixtures.uncover45924(150, 20);
    for (int i = 0; i < n; i++) {
      Spectrum s = Spectrum.newBuilder(real).setSpectrumId("S" + i).setRaDeg(150 + 0.01 * (i % 40))
          .setDecDeg(20 + 0.01 * (i / 40)).build();
      spectra.add(s);
    }
    System.out.printf("machine: %s, %d cores; load average at start: %s%n", cpuModel(),
        Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
    System.out.printf("%d associations per run, %d runs per setting, model.samples 1000%n", n, repetitions);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    int[] settings = {1, 16, 64};
    Map<Integer, List<double[]>> results = new java.util.TreeMap<>();
    try (ModelEngines engines = ModelEngines.factory(new LeainConfig.ModelSettings("leain-v1", modelDir, 1000))) {
      for (int r = 0; r < repetitions; r++) {
        for (int maxRecords : settings) {
          try (StreamDriver stream = new StreamDriver(Map.of("inference.batch.max.records", Integer.toString(maxRecords),
              "inference.batch.max.wait", "1h"), (bytes, topic) -> {
                throw new UnsupportedOperationException();
              }, engines)) {
            for (Spectrum s : spectra) {
              stream.spectrum(s, T0);
            }
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            stream.candidate(Fixtures.candidate("MS1", AlertType.PRELIMINARY, 1, T0, REGION), T0 + 1);
            stream.driver.advanceWallClockTime(Duration.ofHours(1));
            long elapsed = System.nanoTime() - start;
            long cpu = os.getProcessCpuTime() - cpuStart;
            int out = stream.posteriors.readValuesToList().size();
            if (out != n) {
              throw new IllegalStateException("Expected " + n + " posteriors. Actual: " + out);
            }
            results.computeIfAbsent(maxRecords, k -> new ArrayList<>())
                .add(new double[] {n / (elapsed / 1e9), cpu / 1e6 / n});
          }
        }
      }
    }
    System.out.println("| inference.batch.max.records | posteriors/s, wall (median) | min..max | process CPU ms per posterior (median) |");
    System.out.println("|---|---|---|---|");
    results.forEach((maxRecords, runs) -> {
      double[] rates = runs.stream().mapToDouble(x -> x[0]).toArray();
      double[] cpu = runs.stream().mapToDouble(x -> x[1]).toArray();
      System.out.printf("| %d | %.1f | %.1f..%.1f | %.1f |%n", maxRecords, median(rates),
          Arrays.stream(rates).min().orElse(0), Arrays.stream(rates).max().orElse(0), median(cpu));
    });
    System.out.printf("load average at end: %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private static String cpuModel() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).trim();
      }
    }
    return "unknown";
  }
}
