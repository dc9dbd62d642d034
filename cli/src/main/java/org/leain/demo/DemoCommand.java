package org.leain.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./leain demo [--quick] [--out DIR] [--bootstrap-servers HOST:PORT] [--model DIR]}: the whole
 * system in one command (see {@link ScenarioBuilder} for what it plays and {@link DemoRun} for how).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Start a broker and the stream app, play simulated and real multi-messenger events, "
        + "print posteriors, withdrawals and dead letters as they arrive, and end with a summary and corner plots.",
        "Exit code 0 when every expected output arrived; 1 otherwise (the output says what is missing)."})
public final class DemoCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default ./demo-output/<timestamp>).")
  Path outDir;

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Play against an existing cluster instead of the embedded broker (ids get a per-run suffix).")
  String bootstrapServers;

  @Option(names = "--model", paramLabel = "DIR", description = "Model directory (default model-artifacts/models/leain-v1).")
  Path modelDir;

  @Option(names = "--quick", description = "Fewer events (2 simulated candidates instead of 4).")
  boolean quick;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long to wait for each phase's outputs (default ${DEFAULT-VALUE} s).")
  int timeoutSeconds;

  private final StreamAppLauncher launcher;

  /** The command as registered in {@code Leain}: the in-process stream app. */
  public DemoCommand() {
    this(StreamApps.inProcess());
  }

  DemoCommand(StreamAppLauncher launcher) {
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    quietLibraryLogging();
    Path out = outDir != null ? outDir
        : Path.of("demo-output", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    DemoRun.Options options = new DemoRun.Options(out, bootstrapServers, modelDir, quick,
        Duration.ofSeconds(timeoutSeconds));
    try {
      return new DemoRun(options, launcher, System.out).run().exitCode();
    } catch (Exception e) {
      System.err.println("leain demo: FAILED: " + e.getMessage());
      return 1;
    }
  }

  /**
   * The demo prints what matters itself (dead letters included); Kafka's client warnings about
   * retried transactions and topics still being created would bury it. Set before the first logger
   * exists; an explicit -D setting wins.
   */
  private static void quietLibraryLogging() {
    for (String logger : new String[] {"org.apache.kafka", "org.leain.stream", "ai.djl"}) {
      String property = "org.slf4j.simpleLogger.log." + logger;
      if (System.getProperty(property) == null) {
        System.setProperty(property, "error");
      }
    }
  }
}
