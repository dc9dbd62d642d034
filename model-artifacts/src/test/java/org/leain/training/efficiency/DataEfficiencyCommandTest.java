package org.leain.training.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A tiny data-efficiency study on the real simulator (sizes 40 and 60, two steps per epoch, 20
 * held-out events): every run is trained, scored and tabulated; a re-run skips finished runs and
 * resumes an interrupted one.
 */
class DataEfficiencyCommandTest {

  @TempDir Path out;

  private String run(int epochs, String... extra) {
    DataEfficiencyCommand command = new DataEfficiencyCommand();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    command.progress = new PrintStream(log, true, StandardCharsets.UTF_8);
    List<String> args = new java.util.ArrayList<>(List.of("--sizes", "40,60", "--models", "leain,baseline",
        "--budget-min", "1", "--held-out", "20", "--epochs", String.valueOf(epochs), "--max-steps-per-epoch", "2", "--batch", "16",
        "--out", out.toString()));
    args.addAll(List.of(extra));
    int code = new CommandLine(command).execute(args.toArray(String[]::new));
    assertEquals(0, code, log.toString(StandardCharsets.UTF_8));
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aTinyStudy_tabulatesEveryRun_thenSkipsFinishedRuns_andResumesAnInterruptedOne() throws Exception {
    run(2);
    String table = Files.readString(out.resolve(StudyReport.TABLE_FILE));
    for (String row : List.of("| 40 | leain | 2 |", "| 40 | baseline | 2 |", "| 60 | leain | 2 |",
        "| 60 | baseline | 2 |")) {
      assertTrue(table.contains(row), "row " + row + " in\n" + table);
    }
    assertTrue(table.contains("NLTP LEAIN - baseline"), table);
    assertTrue(java.util.regex.Pattern.compile("\\| 40 \\| [^|]+ \\| 2 \\| [0-9.]+ / [0-9.]+ \\|").matcher(table).find(),
        "paired row at size 40 with the NLLs at equal epoch 2 in\n" + table);
    assertTrue(Files.size(out.resolve(StudyReport.PLOT_FILE)) > 1000);
    assertEquals(21, Files.readAllLines(out.resolve(StudyReport.PER_EVENT_FILE)).size());

    JsonNode results = new ObjectMapper().readTree(out.resolve(StudyReport.JSON_FILE).toFile());
    assertEquals(4, results.get("runs").size());
    for (JsonNode r : results.get("runs")) {
      JsonNode nltp = r.get("nltp");
      assertTrue(Double.isFinite(nltp.get("mean").asDouble()), r.toString());
      assertTrue(nltp.get("lower").asDouble() <= nltp.get("mean").asDouble()
          && nltp.get("mean").asDouble() <= nltp.get("upper").asDouble(), r.toString());
      assertEquals(20, nltp.get("n").asInt());
    }
    assertEquals(2, results.get("leainMinusBaseline").size());

    // Interrupt one run after the fact: without its run.json only the checkpoint is left.
    Files.delete(out.resolve("baseline-n60").resolve(RunOutcome.FILE));
    String second = run(3);
    assertEquals(3, second.split("finished earlier, skipped", -1).length - 1, second);
    assertTrue(second.contains("baseline-n60, budget 1.0 min: resuming after epoch 2"), second);
    JsonNode resumed = new ObjectMapper().readTree(out.resolve("baseline-n60").resolve(RunOutcome.FILE).toFile());
    assertEquals(3, resumed.get("epochs").asInt());
  }

  @Test
  void evaluateOnly_trainsNothing_listsUnstartedRuns_andScoresReferenceModels() throws Exception {
    Path models = root().resolve("model-artifacts/models");
    String log = run(2, "--evaluate-only", "--reference",
        models.resolve("leain-v1") + "," + models.resolve("baseline-v1"));
    assertTrue(!log.contains("starting"), log);
    String table = Files.readString(out.resolve(StudyReport.TABLE_FILE));
    assertEquals(4, table.split("not started", -1).length - 1, table);
    // Reference rows carry the size and epochs their manifests record.
    for (String name : List.of("leain-v1", "baseline-v1")) {
      JsonNode training = new ObjectMapper().readTree(models.resolve(name).resolve("manifest.json").toFile())
          .get("training");
      String kind = name.substring(0, name.indexOf('-'));
      String row = String.format(java.util.Locale.ROOT, "| %,d | %s (%s) | %d |",
          training.get("simulations").asInt(), kind, name, training.get("epochs").asInt());
      assertTrue(table.contains(row), row + " in " + table);
    }
    int size = new ObjectMapper().readTree(models.resolve("leain-v1").resolve("manifest.json").toFile())
        .get("training").get("simulations").asInt();
    assertTrue(table.contains(String.format(java.util.Locale.ROOT, "| %,d (leain-v1 / baseline-v1) |", size)), table);
  }

  static Path root() {
    String root = System.getProperty("leain.root");
    Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("data"))) {
      p = p.getParent();
    }
    return p;
  }
}
