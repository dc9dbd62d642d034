package org.leain.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The main class of the broker child JVM: formats the storage if needed, then runs
 * {@code kafka.Kafka server.properties}, and exits when its parent is gone.
 *
 * <p>Why a wrapper: {@code StorageTool.main} calls exit, so formatting must happen through
 * {@code StorageTool.execute} in a JVM of ours; and a child must never outlive the JVM that started
 * it, even a SIGKILLed one that ran no shutdown hook. Two independent signals end it: EOF on stdin
 * (the parent holds the other end of the pipe; the kernel closes it when the parent dies, however
 * it dies) and the parent's pid no longer being alive. Either calls {@link System#exit}, which runs
 * Kafka's own shutdown hook: a clean shutdown that releases the log directory lock.
 *
 * <p>Arguments: {@code <server.properties> <format-arguments file>}. The second file holds the
 * {@code kafka-storage format} arguments one per line, used only for a directory never formatted
 * before (it may hold a SCRAM password, so it is read
 * from a file rather than the command line, and deleted once read). The parent's pid comes in the
 * system property {@code leain.broker.parentPid}.
 */
final class BrokerChild {

  static final String PARENT_PID_PROPERTY = "leain.broker.parentPid";

  private BrokerChild() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "Expected arguments <server.properties> <format-arguments file>. Actual: " + List.of(args));
    }
    watchParent();
    Path properties = Path.of(args[0]);
    Path formatArgumentsFile = Path.of(args[1]);

    List<String> formatArguments = Files.readAllLines(formatArgumentsFile, StandardCharsets.UTF_8);
    Files.delete(formatArgumentsFile);
    if (isFormatted(properties)) {
      // A kept data directory: formatting again would need its cluster id; there is nothing to do.
      System.out.println("leain broker: storage already formatted; not formatting again");
    } else {
      List<String> format = new ArrayList<>(List.of("format", "--config", properties.toString()));
      format.addAll(formatArguments);
      int status = kafka.tools.StorageTool.execute(format.toArray(new String[0]), System.out);
      if (status != 0) {
        System.err.println("leain broker: formatting the storage failed with status " + status);
        System.exit(status);
      }
    }
    kafka.Kafka.main(new String[] {properties.toString()});
  }

  /** True if the (single) log directory holds a meta.properties, i.e. was formatted before. */
  private static boolean isFormatted(Path serverProperties) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(serverProperties)) {
      properties.load(in);
    }
    return Files.exists(Path.of(properties.getProperty("log.dirs"), "meta.properties"));
  }

  /** Starts the two daemon threads that end this JVM when the parent is gone. */
  private static void watchParent() {
    Thread stdin = new Thread(BrokerChild::exitOnStdinEof, "leain-parent-stdin-watch");
    stdin.setDaemon(true);
    stdin.start();

    String parentPid = System.getProperty(PARENT_PID_PROPERTY);
    if (parentPid != null) {
      long pid = Long.parseLong(parentPid);
      Thread poll = new Thread(() -> exitWhenProcessEnds(pid), "leain-parent-pid-watch");
      poll.setDaemon(true);
      poll.start();
    }
  }

  private static void exitOnStdinEof() {
    try {
      InputStream in = System.in;
      byte[] buffer = new byte[256];
      while (in.read(buffer) >= 0) {
        // The parent never writes; anything read is ignored.
      }
    } catch (IOException e) {
      // A broken pipe means the same as EOF.
    }
    System.err.println("leain broker: parent closed stdin; shutting down");
    System.exit(0);
  }

  private static void exitWhenProcessEnds(long pid) {
    while (true) {
      Optional<ProcessHandle> parent = ProcessHandle.of(pid);
      if (parent.isEmpty() || !parent.get().isAlive()) {
        System.err.println("leain broker: parent process " + pid + " ended; shutting down");
        System.exit(0);
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
