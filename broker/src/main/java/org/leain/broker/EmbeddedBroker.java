package org.leain.broker;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) running in a child JVM
 * started from the Maven artifacts on this JVM's class path.
 *
 * <p>Contract: {@link #start} returns only once the broker answers an admin request on its own
 * listener (or throws with the last lines of the broker's log); {@link #close} stops the child with
 * SIGTERM (a clean Kafka shutdown, under a second here), waits for it, and deletes a temporary data
 * directory; it is idempotent and thread-safe. A shutdown hook closes the broker if the caller does
 * not, and the child exits by itself when this JVM dies, even by SIGKILL (see {@link BrokerChild}).
 * The broker's output goes to {@code broker.log} in its data directory, never to the console.
 */
public final class EmbeddedBroker implements AutoCloseable {

  /** Lines of broker.log quoted in a start failure. */
  private static final int ERROR_LINES_ON_FAILURE = 10;
  private static final int LAST_LINES_ON_FAILURE = 20;

  private final Process process;
  private final OutputStream childStdin;
  private final Path dataDir;
  private final boolean temporaryDataDir;
  private final String bootstrapServers;
  private final String internalBootstrapServers;
  private final ListenerSecurity security;
  private final Thread shutdownHook;
  private Duration startupDuration = Duration.ZERO;
  private volatile boolean closed;

  private EmbeddedBroker(
      Process process, Path dataDir, boolean temporaryDataDir, int clientPort, int internalPort,
      ListenerSecurity security) {
    this.process = process;
    this.childStdin = process.getOutputStream();
    this.dataDir = dataDir;
    this.temporaryDataDir = temporaryDataDir;
    this.bootstrapServers = "127.0.0.1:" + clientPort;
    this.internalBootstrapServers = "127.0.0.1:" + internalPort;
    this.security = security;
    this.shutdownHook = new Thread(this::close, "leain-broker-shutdown");
  }

  /**
   * Formats (if new) and starts a broker, and waits until it is ready.
   *
   * @throws IllegalStateException if the broker exits or is not ready within the options' timeout;
   *     the message quotes the end of broker.log
   */
  public static EmbeddedBroker start(BrokerOptions options) {
    long startNanos = System.nanoTime();
    boolean temporary = options.dataDir() == null;
    EmbeddedBroker broker;
    try {
      Path dataDir = temporary
          ? Files.createTempDirectory("leain-broker-")
          : Files.createDirectories(options.dataDir().toAbsolutePath());
      int[] ports = freePorts(options.port() == 0 ? 3 : 2);
      int clientPort = options.port() == 0 ? ports[2] : options.port();
      int internalPort = ports[0];
      int controllerPort = ports[1];

      Path propertiesFile = dataDir.resolve("server.properties");
      Properties properties = new Properties();
      properties.putAll(ServerProperties.of(
          clientPort, internalPort, controllerPort, dataDir.resolve("kafka-logs"), options.security()));
      try (OutputStream out = Files.newOutputStream(propertiesFile)) {
        properties.store(out, "Written by LEAIN's EmbeddedBroker on each start");
      }
      Path formatArgumentsFile = dataDir.resolve("format-arguments.txt");
      List<String> formatArguments = new ArrayList<>(List.of("--cluster-id", Uuid.randomUuid().toString()));
      formatArguments.addAll(options.security().formatArguments());
      Files.write(formatArgumentsFile, formatArguments, StandardCharsets.UTF_8);

      List<String> command = childCommand(options, propertiesFile, formatArgumentsFile);

      Path logFile = dataDir.resolve("broker.log");
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(dataDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      // The launcher's malloc tunables are for libtorch, not for the broker.
      builder.environment().remove("GLIBC_TUNABLES");
      broker = new EmbeddedBroker(
          builder.start(), dataDir, temporary, clientPort, internalPort, options.security());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start the broker child JVM", e);
    }
    Runtime.getRuntime().addShutdownHook(broker.shutdownHook);
    try {
      broker.awaitReady(options.readyTimeout());
    } catch (RuntimeException e) {
      String logSummary = broker.logSummary();
      broker.close();
      throw new IllegalStateException(e.getMessage() + "\n" + logSummary, e);
    }
    broker.startupDuration = Duration.ofNanos(System.nanoTime() - startNanos);
    return broker;
  }

  /** The client listener, e.g. {@code 127.0.0.1:40123}. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Everything a client needs to connect: {@code bootstrap.servers} plus the security properties of
   * the client listener. A mutable copy: add producer/consumer settings to it.
   */
  public Map<String, Object> clientProperties() {
    Map<String, Object> properties = new HashMap<>(security.clientProperties());
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return properties;
  }

  /** The data directory (log segments, server.properties, broker.log). */
  public Path dataDir() {
    return dataDir;
  }

  /** The broker's log file (its whole console output). */
  public Path logFile() {
    return dataDir.resolve("broker.log");
  }

  /** The child JVM; alive until {@link #close} returns. */
  public ProcessHandle processHandle() {
    return process.toHandle();
  }

  /** Completes when the child JVM exits, for whatever reason. */
  public CompletableFuture<Process> onExit() {
    return process.onExit();
  }

  /** From the call to {@link #start} until the broker answered an admin request. */
  public Duration startupDuration() {
    return startupDuration;
  }

  /**
   * Creates the topics that do not exist yet and checks the partition counts of those that do.
   *
   * @return the specs of the topics that this call created
   * @see TopicCreator#ensure(Admin, Collection, Duration)
   */
  public List<TopicSpec> createTopics(Collection<TopicSpec> topics) {
    try (Admin admin = Admin.create(clientProperties())) {
      return TopicCreator.ensure(admin, topics, Duration.ofSeconds(30));
    }
  }

  /** True once {@link #close} has begun (called by the caller or by the shutdown hook). */
  public boolean isClosed() {
    return closed;
  }

  /** Stops the child (SIGTERM, then SIGKILL after 15 s) and deletes a temporary data directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // Already shutting down: this call is the hook itself, or runs beside it.
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try {
      childStdin.close();
    } catch (IOException e) {
      // The child is gone; nothing to flush.
    }
    if (temporaryDataDir) {
      deleteRecursively(dataDir);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedBroker[" + bootstrapServers + ", pid " + process.pid() + ", " + dataDir + "]";
  }

  /** Waits for the internal listener to accept connections, then for describeCluster to list a node. */
  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String[] hostPort = internalBootstrapServers.split(":");
    InetSocketAddress address = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    // Polling the port first keeps the admin client from logging a connection error per attempt.
    while (true) {
      checkAliveAndInTime(deadline, timeout);
      try (Socket socket = new Socket()) {
        socket.connect(address, 500);
        break;
      } catch (IOException notYet) {
        sleep(50);
      }
    }
    Map<String, Object> adminProperties = Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, internalBootstrapServers,
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000,
        AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
    try (Admin admin = Admin.create(adminProperties)) {
      while (true) {
        checkAliveAndInTime(deadline, timeout);
        try {
          Collection<Node> nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
          if (!nodes.isEmpty()) {
            return;
          }
        } catch (Exception notYet) {
          if (notYet instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", notYet);
          }
        }
        sleep(50);
      }
    }
  }

  private void checkAliveAndInTime(long deadlineNanos, Duration timeout) {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          "The broker child JVM exited with status " + process.exitValue() + " before it was ready.");
    }
    if (System.nanoTime() > deadlineNanos) {
      throw new IllegalStateException("The broker was not ready within " + timeout.toSeconds() + " s.");
    }
  }

  /** The broker's error lines (the cause, usually) and its last lines (the context), for a failed start. */
  private String logSummary() {
    List<String> all;
    try {
      all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return "(could not read " + logFile() + ": " + e + ")";
    }
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < all.size() && errors.size() < ERROR_LINES_ON_FAILURE; i++) {
      String line = all.get(i);
      if (line.contains(" ERROR ") || line.contains(" FATAL ") || line.startsWith("Exception in thread")
          || line.startsWith("Error:")) {
        errors.add(line);
        // The next line, if not a log line of its own, names the exception and its message.
        if (i + 1 < all.size() && !all.get(i + 1).matches("^\\d{4}-.*")) {
          errors.add(all.get(i + 1));
        }
      }
    }
    List<String> last = all.subList(Math.max(0, all.size() - LAST_LINES_ON_FAILURE), all.size());
    return "First error lines of " + logFile() + ":\n" + String.join("\n", errors)
        + "\nLast lines of " + logFile() + ":\n" + String.join("\n", last);
  }

  /** The java command line of the child JVM. */
  private static List<String> childCommand(BrokerOptions options, Path propertiesFile, Path formatArgumentsFile) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms64m");
    command.add("-Xmx" + options.heapMiB() + "m");
    command.add("-XX:+ExitOnOutOfMemoryError");
    command.addAll(options.jvmOptions());
    command.add("-Djava.awt.headless=true");
    command.add("-D" + BrokerChild.PARENT_PID_PROPERTY + "=" + ProcessHandle.current().pid());
    // System properties win over any simplelogger.properties on the shared class path.
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    command.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka=info");
    command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
    command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS");
    command.addAll(options.security().jvmOptions());
    command.add("-cp");
    command.add(absoluteClassPath());
    command.add(BrokerChild.class.getName());
    command.add(propertiesFile.toString());
    command.add(formatArgumentsFile.toString());
    return command;
  }

  /**
   * This JVM's class path with every entry made absolute: the child runs in its data directory,
   * where relative entries would point nowhere.
   */
  private static String absoluteClassPath() {
    List<String> entries = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        entries.add(Path.of(entry).toAbsolutePath().toString());
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Free ports, all held open together so that one call never returns the same port twice. */
  private static int[] freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the broker", e);
    }
  }

  private static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete the broker's temporary data directory " + root, e);
    }
  }
}
