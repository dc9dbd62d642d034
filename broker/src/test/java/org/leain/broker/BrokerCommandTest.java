package org.leain.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The {@code broker} command's own code path, run in-process with a stop signal instead of Ctrl-C. */
class BrokerCommandTest {

  @Test
  void theCommand_printsAReachableAddress_andStopsTheBrokerWhenAskedTo() throws Exception {
    BrokerCommand command = new BrokerCommand();
    new CommandLine(command).parseArgs("--heap-mib", "256", "--ready-timeout-s", "30", "--fast-start");
    StringWriter buffer = new StringWriter();
    PrintWriter out = new PrintWriter(buffer, true);
    CompletableFuture<Void> stop = new CompletableFuture<>();
    CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> command.run(out, stop));

    String printed = awaitOutput(buffer, "Press Ctrl-C", exitCode);
    Matcher address = Pattern.compile("bootstrap\\.servers=(127\\.0\\.0\\.1:\\d+)").matcher(printed);
    assertTrue(address.find(), printed);
    Matcher pid = Pattern.compile("pid (\\d+)").matcher(printed);
    assertTrue(pid.find(), printed);
    try (Admin admin = Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address.group(1)))) {
      assertEquals(1, admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size());
    }

    stop.complete(null);
    assertEquals(0, exitCode.get(20, TimeUnit.SECONDS));
    assertFalse(ProcessHandle.of(Long.parseLong(pid.group(1))).map(ProcessHandle::isAlive).orElse(false));
  }

  @Test
  void theCommand_describesItsOptions() {
    String usage = new CommandLine(new BrokerCommand()).getUsageMessage();
    for (String option : List.of("--port", "--data-dir", "--heap-mib", "--ready-timeout-s", "--fast-start")) {
      assertTrue(usage.contains(option), usage);
    }
  }

  private static String awaitOutput(StringWriter buffer, String marker, CompletableFuture<Integer> exitCode)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    while (System.nanoTime() < deadline) {
      String printed = buffer.toString(); // StringWriter appends to a synchronized StringBuffer
      if (printed.contains(marker)) {
        return printed;
      }
      if (exitCode.isDone()) {
        throw new AssertionError("command ended early with " + exitCode.get() + ": " + printed);
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no '" + marker + "' within 40 s: " + buffer);
  }
}
