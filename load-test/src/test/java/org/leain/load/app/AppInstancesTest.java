package org.leain.load.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;

/** The child-process lifecycle, with a real broker and a real child JVM (the load test's stand-in app). */
class AppInstancesTest {

  private static EmbeddedBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedBroker.start(BrokerOptions.defaults());
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  @Test
  void awaitReady_returnsOnceTheGroupIsStable_andClose_stopsEveryInstance(@TempDir Path dir) throws Exception {
    AppInstances app;
    try (Admin admin = Admin.create(broker.clientProperties())) {
      app = AppInstances.start(standIn(), broker.bootstrapServers(), 2, "lifecycle-ok", Map.of(), dir);
      app.awaitReady(admin, Duration.ofSeconds(60));
      assertTrue(app.processes().stream().allMatch(ProcessHandle::isAlive));
      assertTrue(Files.readString(dir.resolve("app-1.properties")).contains("application.id=lifecycle-ok"));
      app.close();
      app.close();
    }
    assertFalse(app.processes().stream().anyMatch(ProcessHandle::isAlive), "no instance outlives close()");
  }

  @Test
  void awaitReady_whenAnInstanceExits_failsQuotingItsLog(@TempDir Path dir) throws Exception {
    try (Admin admin = Admin.create(broker.clientProperties());
        AppInstances app = AppInstances.start(standIn(), broker.bootstrapServers(), 1, "lifecycle-fail",
            Map.of("standin.fail", "true"), dir)) {
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> app.awaitReady(admin, Duration.ofSeconds(60)));
      assertTrue(e.getMessage().contains("exited with status 3"), e.getMessage());
      assertTrue(e.getMessage().contains("asked to fail by its configuration"), e.getMessage());
    }
  }

  private static List<String> standIn() {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), "org.leain.load.StandInStreamApp");
  }
}
