package org.leain.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash harness against a real broker and a stand-in app in a child JVM: a transactional app
 * SIGKILLed twice loses and duplicates nothing, and an at-least-once app SIGKILLed mid-stream is
 * caught duplicating (so the check can fail).
 */
class ChaosRunTest {

  private static ChaosOptions options(int events, int kills, boolean brokerRestart, String mode, Path dir) {
    long seed = 4242;
    List<String> launcher = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        StandInApp.class.getName());
    return new ChaosOptions(events, kills, brokerRestart, Duration.ofSeconds(10), seed, launcher,
        Map.of("stand.in.mode", mode, "stand.in.events", Integer.toString(events), "stand.in.seed",
            Long.toString(seed)), "leain.posteriors", Duration.ofSeconds(60), dir);
  }

  @Test
  void aTransactionalApp_killedTwice_andABrokerRestart_loseAndDuplicateNothing(@TempDir Path dir) throws Exception {
    ChaosResult result = ChaosRun.run(options(400, 2, true, "exactly_once", dir));
    System.out.println("chaos exactly_once stand-in: " + result);
    assertEquals(2, result.kills());
    assertEquals(1, result.brokerRestarts());
    assertTrue(result.expected() >= 400, "Expected at least one key per event. Actual: " + result);
    assertEquals(0, result.lost(), result.toString());
    assertEquals(0, result.duplicated(), result.toString());
    assertEquals(result.expected(), result.received(), result.toString());
  }

  @Test
  void anAtLeastOnceApp_killedMidStream_isCaughtDuplicating(@TempDir Path dir) throws Exception {
    ChaosResult result = ChaosRun.run(options(400, 1, false, "at_least_once", dir));
    System.out.println("chaos at_least_once stand-in: " + result);
    assertEquals(0, result.lost(), result.toString());
    assertTrue(result.duplicated() > 0, "Expected duplicates from an app that commits offsets every 2 s. Actual: "
        + result);
  }
}
