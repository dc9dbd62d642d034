package org.leain.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.CommonClientConfigs;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;
import org.leain.cli.feed.RecordSender;

/**
 * One run of the demo: broker (embedded unless given), stream app, scenario, waiting, summary,
 * plots, and a clean stop of everything it started (also from a shutdown hook on Ctrl-C).
 *
 * <p>Exit codes: 0 when every expected posterior, withdrawal and dead letter arrived in time and no
 * spectrum outside every region got a posterior; 1 otherwise (the output says what is missing).
 */
public final class DemoRun {

  /**
   * @param outDir where summary.txt and the corner plots go
   * @param bootstrapServers an existing cluster, or null to start the embedded broker
   * @param modelDir the model directory, or null for the stream app's default
   * @param quick fewer events
   * @param timeout how long to wait for each phase's outputs
   */
  public record Options(Path outDir, String bootstrapServers, Path modelDir, boolean quick, Duration timeout) {}

  /** What a run produced, for the caller and tests. */
  public record Outcome(int exitCode, DemoScenario scenario, Set<String> associationsWithPosterior,
      Set<String> posteriorTombstones, Set<String> deadLetterOriginKeys, Map<String, String> deadLetterReasons,
      List<Path> plots, double secondsToFirstPosterior, Long brokerPid) {}

  private final Options options;
  private final StreamAppLauncher launcher;
  private final PrintStream out;

  public DemoRun(Options options, StreamAppLauncher launcher, PrintStream out) {
    this.options = options;
    this.launcher = launcher;
    this.out = out;
  }

  public Outcome run() throws Exception {
    long startNanos = System.nanoTime();
    long jvmUptimeAtStartMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    boolean embedded = options.bootstrapServers() == null;
    String runTag = embedded ? "" : Long.toString(System.currentTimeMillis() / 1000, 36);
    EmbeddedBroker broker = null;
    Path stateDir = Files.createTempDirectory("leain-demo-streams-");
    List<AutoCloseable> started = new ArrayList<>();
    // On Ctrl-C the broker's own hook stops it at the same time, so the app cannot close cleanly:
    // give it a few seconds, then let the JVM go (the broker child is stopped either way).
    Thread hook = new Thread(() -> closeWithin(started, Duration.ofSeconds(8)), "leain-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ExecutorService background = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "leain-demo-prepare");
      t.setDaemon(true);
      return t;
    });
    String applicationId = embedded ? "leain-demo" : "leain-demo-" + runTag;
    // The model and the scenario need no broker: prepare them while the broker starts.
    Future<Preparation> preparing = background.submit(() -> {
      StreamAppLauncher.Prepared prepared = launcher.prepare(
          new StreamAppLauncher.Request(options.modelDir(), applicationId, stateDir, Duration.ofSeconds(60)));
      try {
        DemoScenario scenario = new ScenarioBuilder(RepositoryRoot.find(), prepared.topics())
            .build(options.quick(), runTag, System.currentTimeMillis());
        return new Preparation(prepared, scenario);
      } catch (RuntimeException e) {
        prepared.close();
        throw e;
      }
    });
    background.shutdown();
    try {
      String bootstrap;
      say(startNanos, "loading the model and building the scenario while the broker starts...");
      if (embedded) {
        say(startNanos, "starting the embedded Kafka broker (KRaft, child JVM)...");
        broker = EmbeddedBroker.start(BrokerOptions.defaults().withJvmOptions(BrokerOptions.FAST_START_JVM_OPTIONS));
        synchronized (started) {
          started.add(broker);
        }
        bootstrap = broker.bootstrapServers();
        say(startNanos, String.format(Locale.ROOT, "broker ready at %s (pid %d) in %.1f s", bootstrap,
            broker.processHandle().pid(), broker.startupDuration().toMillis() / 1000.0));
      } else {
        bootstrap = options.bootstrapServers();
        say(startNanos, "using the cluster at " + bootstrap + "; this run's ids end in -" + runTag);
      }
      Preparation preparation = awaitPreparation(preparing);
      synchronized (started) {
        started.add(0, preparation.app());
      }
      say(startNanos, "model ready: " + preparation.app().modelDescription());
      say(startNanos, "creating topics and starting the LEAIN stream app...");
      StreamAppLauncher.RunningApp app = preparation.app().start(bootstrap);
      say(startNanos, "stream app RUNNING (HTTP port " + app.httpPort() + ": /metrics /health /ready)");

      DemoTopics topics = preparation.app().topics();
      DemoScenario scenario = preparation.scenario();
      say(startNanos, scenario.placementNote());
      Map<String, Object> clients = new HashMap<>();
      clients.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
      Map<String, Integer> sentPerTopic = new LinkedHashMap<>();
      int exitCode = 0;
      try (DemoWatcher watcher = new DemoWatcher(clients, topics, scenario, out, startNanos);
          RecordSender sender = new RecordSender(clients)) {
        int total = scenario.beforeRetraction().size() + scenario.retraction().size();
        int[] sent = {0};
        send(scenario.beforeRetraction(), sender, sentPerTopic, sent, total, startNanos);
        // Settled when every expected association has a posterior or a dead letter naming it (a
        // model failure will never turn into a posterior: no point waiting for the timeout).
        Predicate<DemoWatcher> phaseOne = w -> deadLetterKeys(w).containsAll(expectedDeadLetterKeys(scenario))
            && scenario.expectedAssociations().stream()
                .allMatch(a -> w.associationsWithPosterior().contains(a) || deadLetterNames(w, a));
        boolean settled = watcher.await(phaseOne, options.timeout(), () -> progress(watcher, scenario, startNanos));
        if (!settled || !watcher.associationsWithPosterior().containsAll(scenario.expectedAssociations())) {
          exitCode = fail(watcher, scenario, startNanos, settled
              ? "posteriors of phase one did not arrive: the stream app dead-lettered them (see the dead letters above)"
              : "posteriors and dead letters of phase one did not arrive within " + options.timeout().toSeconds() + " s");
        } else {
          send(scenario.retraction(), sender, sentPerTopic, sent, total, startNanos);
          Predicate<DemoWatcher> phaseTwo = w -> w.posteriorTombstones().containsAll(scenario.withdrawnAssociations())
              && w.associationTombstones().containsAll(scenario.withdrawnAssociations());
          if (!watcher.await(phaseTwo, options.timeout(), () -> progress(watcher, scenario, startNanos))) {
            exitCode = fail(watcher, scenario, startNanos,
                "withdrawals after the retraction did not arrive within " + options.timeout().toSeconds() + " s");
          }
        }
        Set<String> outsideHits = new LinkedHashSet<>(scenario.unexpectedAssociations());
        outsideHits.retainAll(watcher.associationsWithPosterior());
        if (!outsideHits.isEmpty()) {
          out.println("leain demo: FAILED: posteriors for spectra outside every region: " + outsideHits);
          exitCode = 1;
        }
        double toFirst = watcher.firstPosteriorNanos() < 0 ? Double.NaN
            : (watcher.firstPosteriorNanos() - startNanos) / 1e9;
        List<String> summary = DemoReport.summary(scenario, watcher, sentPerTopic, toFirst,
            toFirst + jvmUptimeAtStartMs / 1000.0, (System.nanoTime() - startNanos) / 1e9);
        summary.forEach(out::println);
        List<Path> plots = DemoReport.write(options.outDir(), summary, scenario, watcher.latestPosteriors());
        out.println("Output in " + options.outDir().toAbsolutePath() + ": summary.txt and " + plots.size()
            + " corner plots");
        Map<String, String> reasons = new LinkedHashMap<>();
        watcher.deadLetters().forEach(d -> reasons.put(d.getOriginKey(), d.getReasonCode() + ": " + d.getReason()));
        return new Outcome(exitCode, scenario, watcher.associationsWithPosterior(), watcher.posteriorTombstones(),
            deadLetterKeys(watcher), reasons, plots, toFirst,
            broker == null ? null : broker.processHandle().pid());
      }
    } finally {
      closeUnclaimed(preparing, started);
      closeAll(started);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down already: the hook runs (or ran) closeAll, which is idempotent.
      }
      deleteQuietly(stateDir);
      if (broker != null) {
        say(startNanos, "broker stopped");
      }
    }
  }

  /** The prepared app and the scenario built meanwhile. */
  private record Preparation(StreamAppLauncher.Prepared app, DemoScenario scenario) {}

  private static Preparation awaitPreparation(Future<Preparation> preparing) throws Exception {
    try {
      return preparing.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  /** A model prepared in the background but never handed over (the broker failed first) is released here. */
  private static void closeUnclaimed(Future<Preparation> preparing, List<AutoCloseable> started) {
    if (preparing.cancel(true) || !preparing.isDone()) {
      return;
    }
    try {
      StreamAppLauncher.Prepared prepared = preparing.get().app();
      synchronized (started) {
        if (!started.contains(prepared)) {
          started.add(0, prepared);
        }
      }
    } catch (Exception e) {
      // Preparation failed: nothing to release.
    }
  }

  private void send(List<ScenarioRecord> records, RecordSender sender, Map<String, Integer> perTopic, int[] sent,
      int total, long startNanos) {
    for (ScenarioRecord record : records) {
      sender.send(record.topic(), record.key(), record.value());
      sent[0]++;
      perTopic.merge(record.topic(), 1, Integer::sum);
      say(startNanos, String.format(Locale.ROOT, "sent %2d/%d  %s -> %s", sent[0], total, record.label(), record.topic()));
    }
  }

  private void progress(DemoWatcher watcher, DemoScenario scenario, long startNanos) {
    long arrived = scenario.expectedAssociations().stream().filter(watcher.associationsWithPosterior()::contains).count();
    say(startNanos, String.format(Locale.ROOT, "waiting... posteriors %d/%d associations, dead letters %d (%d expected), withdrawals %d/%d",
        arrived, scenario.expectedAssociations().size(), watcher.deadLetters().size(), scenario.deadLetters().size(),
        watcher.posteriorTombstones().size(), scenario.withdrawnAssociations().size()));
  }

  private int fail(DemoWatcher watcher, DemoScenario scenario, long startNanos, String what) {
    Set<String> missingPosteriors = new LinkedHashSet<>(scenario.expectedAssociations());
    missingPosteriors.removeAll(watcher.associationsWithPosterior());
    Set<String> missingDeadLetters = new LinkedHashSet<>(expectedDeadLetterKeys(scenario));
    missingDeadLetters.removeAll(deadLetterKeys(watcher));
    Set<String> missingWithdrawals = new LinkedHashSet<>(scenario.withdrawnAssociations());
    missingWithdrawals.removeAll(watcher.posteriorTombstones());
    say(startNanos, "leain demo: FAILED: the " + what + ". Missing posteriors: " + missingPosteriors + "; missing dead letters (origin keys): " + missingDeadLetters
        + "; missing withdrawals: " + missingWithdrawals + ". Is the stream app healthy (see its log above)?");
    return 1;
  }

  private static boolean deadLetterNames(DemoWatcher watcher, String associationId) {
    return watcher.deadLetters().stream().anyMatch(d -> d.getReason() != null && d.getReason().contains(associationId));
  }

  private static Set<String> expectedDeadLetterKeys(DemoScenario scenario) {
    Set<String> keys = new LinkedHashSet<>();
    scenario.deadLetters().forEach(d -> keys.add(d.originKey()));
    return keys;
  }

  private static Set<String> deadLetterKeys(DemoWatcher watcher) {
    Set<String> keys = new LinkedHashSet<>();
    watcher.deadLetters().forEach(d -> keys.add(d.getOriginKey()));
    return keys;
  }

  private void say(long startNanos, String line) {
    synchronized (out) {
      out.printf(Locale.ROOT, "[%6.2fs] %s%n", (System.nanoTime() - startNanos) / 1e9, line);
    }
  }

  private static void closeWithin(List<AutoCloseable> started, Duration limit) {
    Thread closing = new Thread(() -> closeAll(started), "leain-demo-close");
    closing.setDaemon(true);
    closing.start();
    try {
      closing.join(limit.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeAll(List<AutoCloseable> started) {
    synchronized (started) {
      for (AutoCloseable c : started) {
        try {
          c.close();
        } catch (Exception e) {
          System.err.println("leain demo: while stopping " + c + ": " + e);
        }
      }
      started.clear();
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary directory: the OS cleans it eventually.
    }
  }
}
