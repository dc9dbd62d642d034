package org.leain.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code leain demo --quick} in-process, end to end: embedded broker, the real stream app with the
 * committed model, the scenario, and a clean stop. One run; each test checks one promise of it.
 */
class DemoEndToEndTest {

  @TempDir
  static Path out;
  private static DemoRun.Outcome outcome;
  private static String printed;

  @BeforeAll
  static void runQuickDemo() throws Exception {
    Path model = RepositoryRoot.find().resolve("model-artifacts/models/leain-v1/manifest.json");
    Assumptions.assumeTrue(Files.exists(model) || System.getProperty("leain.demo.model") != null,
        "needs the committed model " + model + " (or -Dleain.demo.model=DIR)");
    Path modelDir = System.getProperty("leain.demo.model") == null ? null : Path.of(System.getProperty("leain.demo.model"));
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream console = System.out;
    PrintStream tee = new PrintStream(new java.io.OutputStream() {
      @Override
      public void write(int b) {
        console.write(b);
        buffer.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        console.write(b, off, len);
        buffer.write(b, off, len);
      }
    }, true, StandardCharsets.UTF_8);
    outcome = new DemoRun(new DemoRun.Options(out, null, modelDir, true, Duration.ofSeconds(90)),
        StreamApps.inProcess(), tee).run();
    printed = buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void quickDemo_exitsZero() {
    assertEquals(0, outcome.exitCode(), printed);
  }

  @Test
  void everyExpectedAssociation_getsAPosterior_andNoOutsideSpectrumDoes() {
    assertTrue(outcome.associationsWithPosterior().containsAll(outcome.scenario().expectedAssociations()),
        outcome.associationsWithPosterior().toString());
    for (String outside : outcome.scenario().unexpectedAssociations()) {
      assertFalse(outcome.associationsWithPosterior().contains(outside), outside);
    }
  }

  @Test
  void retraction_withdrawsTheUncoverPosterior_withATombstone() {
    assertTrue(outcome.posteriorTombstones().containsAll(outcome.scenario().withdrawnAssociations()),
        outcome.posteriorTombstones().toString());
    assertTrue(printed.contains("withdrawn    posterior   MS181101ab|uncover-45924"), printed);
  }

  @Test
  void everyBadMessage_landsInTheDeadLetterTopic_withAReason() {
    for (DemoScenario.ExpectedDeadLetter bad : outcome.scenario().deadLetters()) {
      String reason = outcome.deadLetterReasons().get(bad.originKey());
      assertNotNull(reason, bad.what() + " (" + bad.originKey() + ") has no dead letter");
      assertTrue(reason.length() > 20, reason);
    }
  }

  @Test
  void cornerPlots_andSummary_areWritten() throws Exception {
    assertEquals(outcome.associationsWithPosterior().size(), outcome.plots().size());
    for (Path png : outcome.plots()) {
      byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
      assertEquals("\u0089PNG", new String(head, StandardCharsets.ISO_8859_1), png.toString());
    }
    assertTrue(Files.readString(out.resolve("summary.txt")).contains("end to end (ingest -> emit)"));
  }

  @Test
  void noBrokerChild_isLeftAlive() {
    assertNotNull(outcome.brokerPid());
    assertTrue(ProcessHandle.of(outcome.brokerPid()).map(p -> !p.isAlive()).orElse(true),
        "broker child " + outcome.brokerPid() + " still alive");
  }
}
