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
 * The crash harness against a real broker: the real app ({@code run} in a child JVM, the
 * repository's model) SIGKILLed and restarted, with a broker restart, loses and duplicates no
 * posterior; a stand-in app that is only at-least-once is caught duplicating (so the check can fail).
 */
class ChaosRunTest {

  private static List<String> java(String mainClass) {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
        "-XX:MaxDirectMemorySize=128m", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
        "-Dai.djl.pytorch.num_interop_threads=1", "-Dleain.root=" + repositoryRoot(), "-cp",
        System.getProperty("java.class.path"), mainClass);
  }

  private static Path repositoryRoot() {
    String property = System.getProperty("leain.root");
    return property != null ? Path.of(property) : Path.of("").toAbsolutePath().getParent();
  }

  @Test
  void theRealApp_killedOnce_withABrokerRestart_losesAndDuplicatesNoPosterior(@TempDir Path dir) throws Exception {
    ChaosOptions options = new ChaosOptions(100, 1, true, Duration.ofSeconds(8), 7, java(RunMain.class.getName()),
        Map.of(), "leain.posteriors", Duration.ofSeconds(120), dir);
    ChaosResult result = ChaosRun.run(options);
    System.out.println("chaos real app (RunCommand child): " + result);
    assertEquals(1, result.kills());
    assertEquals(1, result.brokerRestarts());
    assertTrue(result.expected() >= 100, "Expected at least one key per event. Actual: " + result);
    assertEquals(0, result.feedUndelivered(), result.toString());
    assertEquals(0, result.lost(), result.toString());
    assertEquals(0, result.duplicated(), result.toString());
    assertEquals(result.expected(), result.received(), result.toString());
  }

  @Test
  void anAtLeastOnceApp_killedMidStream_isCaughtDuplicating(@TempDir Path dir) throws Exception {
    long seed = 4242;
    ChaosOptions options = new ChaosOptions(400, 1, false, Duration.ofSeconds(10), seed, java(StandInApp.class.getName()),
        Map.of("stand.in.mode", "at_least_once", "stand.in.events", "400", "stand.in.seed", Long.toString(seed)),
        "leain.posteriors",
        Duration.ofSeconds(60), dir);
    ChaosResult result = ChaosRun.run(options);
    System.out.println("chaos at_least_once stand-in: " + result);
    assertEquals(0, result.lost(), result.toString());
    assertTrue(result.duplicated() > 0, "Expected duplicates from an app that commits offsets every 30 s. Actual: "
        + result);
  }
}
