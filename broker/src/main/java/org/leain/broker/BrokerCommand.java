package org.leain.broker;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./leain broker}: a real single-node KRaft broker for local work, until Ctrl-C. */
@Command(
    name = "broker",
    mixinStandardHelpOptions = true,
    description = {
        "Starts a real single-node Kafka broker (KRaft, broker + controller) in a child JVM, prints its",
        "bootstrap address and runs until Ctrl-C. Nothing is left running afterwards; without",
        "--data-dir the data is deleted on exit. The broker's log is broker.log in its data directory."
    })
public final class BrokerCommand implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "PORT",
      description = "Client listener port on 127.0.0.1 (default: a free port).")
  int port;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Keep the broker's data here between runs (default: a temporary directory deleted on exit).")
  Path dataDir;

  @Option(names = "--heap-mib", paramLabel = "MIB", defaultValue = "512",
      description = "Maximum heap of the broker JVM in MiB (default: ${DEFAULT-VALUE}).")
  int heapMiB;

  @Option(names = "--ready-timeout-s", paramLabel = "SECONDS", defaultValue = "30",
      description = "How long to wait for the broker to become ready (default: ${DEFAULT-VALUE}).")
  int readyTimeoutSeconds;

  @Option(names = "--fast-start",
      description = "Client-compiler JIT and serial GC in the broker JVM: about half the start time on a busy "
          + "machine and less memory, slower steady state (not for latency measurements).")
  boolean fastStart;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    // The launcher's own admin client would otherwise log its whole configuration at INFO level.
    if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.kafka") == null) {
      System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
    }
    return run(spec.commandLine().getOut(), new CompletableFuture<>());
  }

  /**
   * Starts the broker, prints its address, and blocks until {@code stop} completes (tests), the JVM
   * shuts down (Ctrl-C: the broker's shutdown hook stops the child) or the broker dies.
   *
   * @return 0 after a requested stop, 1 if the broker exited by itself
   */
  int run(PrintWriter out, CompletableFuture<?> stop) {
    BrokerOptions options = BrokerOptions.defaults()
        .withPort(port)
        .withDataDir(dataDir)
        .withHeapMiB(heapMiB)
        .withReadyTimeout(Duration.ofSeconds(readyTimeoutSeconds))
        .withJvmOptions(fastStart ? BrokerOptions.FAST_START_JVM_OPTIONS : List.of());
    try (EmbeddedBroker broker = EmbeddedBroker.start(options)) {
      out.println("bootstrap.servers=" + broker.bootstrapServers());
      out.printf(Locale.ROOT, "Broker ready in %.1f s (pid %d, RSS %s); data %s%s%n",
          broker.startupDuration().toMillis() / 1000.0, broker.processHandle().pid(),
          residentSetSize(broker.processHandle().pid()), broker.dataDir(),
          dataDir == null ? " (deleted on exit)" : "");
      out.println("Log: " + broker.logFile());
      out.println("Press Ctrl-C to stop.");
      out.flush();
      CompletableFuture.anyOf(stop, broker.onExit()).join();
      if (stop.isDone() || broker.isClosed()) {
        return 0;
      }
      out.println("The broker exited by itself (status " + broker.onExit().join().exitValue()
          + "); see " + broker.logFile());
      out.flush();
      return 1;
    }
  }

  /** VmRSS of a Linux process, e.g. "352 MiB", or "unknown" elsewhere. */
  private static String residentSetSize(long pid) {
    try {
      List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
      for (String line : status) {
        if (line.startsWith("VmRSS:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return (kib / 1024) + " MiB";
        }
      }
    } catch (IOException | NumberFormatException e) {
      // Not Linux, or the process just ended.
    }
    return "unknown";
  }
}
