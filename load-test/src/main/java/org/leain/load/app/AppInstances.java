package org.leain.load.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;

/** Stream-app instances running as child processes (see the package documentation). */
public final class AppInstances implements AutoCloseable {

  private static final int LOG_LINES_ON_FAILURE = 30;

  private final List<Process> processes;
  private final List<Path> logFiles;
  private final List<Integer> httpPorts;
  private final String applicationId;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Thread shutdownHook;
  private boolean closed;

  private AppInstances(List<Process> processes, List<Path> logFiles, List<Integer> httpPorts,
      String applicationId) {
    this.processes = List.copyOf(processes);
    this.logFiles = List.copyOf(logFiles);
    this.httpPorts = List.copyOf(httpPorts);
    this.applicationId = applicationId;
    this.shutdownHook = new Thread(this::close, "leain-loadtest-app-shutdown");
  }

  /**
   * Starts {@code instances} processes.
   *
   * @param launcher the command before {@code run}, e.g. {@code [/repo/leain]} or
   *     {@code [java, -cp, ..., org.leain.cli.Leain]}
   * @param settings app settings written to each instance's config file (application.id and
   *     state.dir are set here)
   * @param workDir where the config files, state directories and logs go
   */
  public static AppInstances start(List<String> launcher, String bootstrapServers, int instances,
      String applicationId, Map<String, String> settings, Path workDir) {
    if (instances < 1) {
      throw new IllegalArgumentException("Expected at least 1 app instance. Actual: " + instances);
    }
    if (launcher.isEmpty()) {
      throw new IllegalArgumentException("Expected a launcher command. Actual: an empty list");
    }
    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    try {
      Files.createDirectories(workDir);
      for (int i = 0; i < instances; i++) {
        Map<String, String> config = new TreeMap<>(settings);
        config.put("application.id", applicationId);
        config.put("state.dir", workDir.resolve("state-" + i).toAbsolutePath().toString());
        Path configFile = workDir.resolve("app-" + i + ".properties");
        Properties properties = new Properties();
        properties.putAll(config);
        try (OutputStream out = Files.newOutputStream(configFile)) {
          properties.store(out, "Written by the LEAIN load test for instance " + i);
        }
        int port = freePort();
        ports.add(port);
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of("run", "--bootstrap-servers", bootstrapServers,
            "--http-port", Integer.toString(port), "--config", configFile.toAbsolutePath().toString()));
        Path log = workDir.resolve("app-" + i + ".log");
        logs.add(log);
        processes.add(new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start());
      }
    } catch (IOException e) {
      processes.forEach(AppInstances::stop);
      throw new UncheckedIOException("Could not start the app: " + e.getMessage(), e);
    }
    AppInstances app = new AppInstances(processes, logs, ports, applicationId);
    Runtime.getRuntime().addShutdownHook(app.shutdownHook);
    return app;
  }

  public String applicationId() {
    return applicationId;
  }

  /** The running processes, in instance order. */
  public List<ProcessHandle> processes() {
    return processes.stream().map(Process::toHandle).toList();
  }

  public List<Path> logFiles() {
    return logFiles;
  }

  /** Each instance's HTTP port (given as --http-port). */
  public List<Integer> httpPorts() {
    return httpPorts;
  }

  /** The number of instances that have exited. */
  public long exited() {
    return processes.stream().filter(p -> !p.isAlive()).count();
  }

  /**
   * Waits until every instance answers 200 on {@code GET /ready} (the app's own readiness: Kafka
   * Streams running, model warm) and the consumer group {@code application.id} is stable with at
   * least one member per instance (all of them were assigned their partitions).
   *
   * @throws IllegalStateException if an instance exits (quoting its log) or on timeout
   */
  public void awaitReady(Admin admin, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      checkAlive();
      try {
        ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(applicationId))
            .describedGroups().get(applicationId).get(5, TimeUnit.SECONDS);
        if (group.groupState() == GroupState.STABLE && group.members().size() >= processes.size()
            && allReady()) {
          return;
        }
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException notYet) {
        // The group does not exist yet, or the broker is slow: ask again.
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Expected the app group " + applicationId + " to be stable with "
            + processes.size() + " member(s) within " + timeout.toSeconds() + " s. Actual: not yet\n"
            + tail(logFiles.get(0)));
      }
      Thread.sleep(200);
    }
  }

  /** @throws IllegalStateException quoting the log of the first instance that exited */
  public void checkAlive() {
    for (int i = 0; i < processes.size(); i++) {
      Process process = processes.get(i);
      if (!process.isAlive()) {
        throw new IllegalStateException("Expected app instance " + i + " to run. Actual: it exited with status "
            + process.exitValue() + "\n" + tail(logFiles.get(i)));
      }
    }
  }

  /** SIGTERM to every instance and its descendants, then SIGKILL after 20 s. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: this is the hook itself.
    }
    processes.forEach(AppInstances::stop);
  }

  private static void stop(Process process) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroy();
    descendants.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private boolean allReady() throws InterruptedException {
    for (int port : httpPorts) {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
          .timeout(Duration.ofSeconds(2)).GET().build();
      try {
        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
          return false;
        }
      } catch (IOException notYet) {
        return false;
      }
    }
    return true;
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "Last lines of " + log + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(could not read " + log + ": " + e.getMessage() + ")";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
