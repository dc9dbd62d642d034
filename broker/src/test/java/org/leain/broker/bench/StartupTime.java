package org.leain.broker.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;

/**
 * Measures an embedded broker's time to ready, its resident memory once ready, and its close time,
 * over sequential starts, with {@link BrokerOptions#defaults()} or, given "fast",
 * {@link BrokerOptions#forTests()}. Run from the repository root after {@code mvn -pl broker -am test-compile}:
 * <pre>
 * java -cp broker/target/test-classes:broker/target/classes:$(cat broker/target/test-classpath.txt) \
 *     org.leain.broker.bench.StartupTime 7 [fast]
 * </pre>
 */
public final class StartupTime {

  private StartupTime() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    boolean fastStart = args.length > 1 && args[1].equals("fast");
    BrokerOptions options = fastStart ? BrokerOptions.forTests() : BrokerOptions.defaults();
    System.out.println("options: " + options);
    List<Double> readySeconds = new ArrayList<>();
    List<Double> rssMiB = new ArrayList<>();
    List<Double> closeSeconds = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      EmbeddedBroker broker = EmbeddedBroker.start(options);
      readySeconds.add(broker.startupDuration().toNanos() / 1e9);
      rssMiB.add(residentMiB(broker.processHandle().pid()));
      long closeStart = System.nanoTime();
      broker.close();
      closeSeconds.add((System.nanoTime() - closeStart) / 1e9);
      System.out.printf(Locale.ROOT, "run %d: ready %.2f s, RSS %.0f MiB, close %.2f s%n",
          run + 1, readySeconds.get(run), rssMiB.get(run), closeSeconds.get(run));
    }
    System.out.printf(Locale.ROOT, "median of %d: ready %.2f s (min %.2f, max %.2f), RSS %.0f MiB, close %.2f s%n",
        runs, median(readySeconds), readySeconds.stream().mapToDouble(d -> d).min().orElseThrow(),
        readySeconds.stream().mapToDouble(d -> d).max().orElseThrow(), median(rssMiB), median(closeSeconds));
  }

  private static double residentMiB(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    throw new IllegalStateException("No VmRSS for pid " + pid);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
