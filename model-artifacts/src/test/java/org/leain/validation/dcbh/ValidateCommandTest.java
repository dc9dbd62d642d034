package org.leain.validation.dcbh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A CI-sized {@code ./leain validate} on the committed models (10 test events, one MCMC event with a 5 s
 * chain): the whole code path from simulator observations through both networks, the sampler, every
 * metric and the report, with loose sanity bounds only (a short chain cannot judge the criteria).
 */
class ValidateCommandTest {

  @TempDir static Path out;
  static int exitCode;

  static Path root() {
    String root = System.getProperty("leain.root");
    Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("data"))) {
      p = p.getParent();
    }
    return p;
  }

  @BeforeAll
  static void validateOnTheCommittedModels() {
    Path models = root().resolve("model-artifacts/models");
    exitCode = new CommandLine(new ValidateCommand()).execute(
        "--model", models.resolve("leain-v1").toString(), "--baseline", models.resolve("baseline-v1").toString(),
        "--n-test", "10", "--n-mcmc", "1", "--seed", "5", "--mcmc-cap-s", "5", "--out", out.toString());
  }

  @Test
  void summaryJson_hasEveryKey_finite_withCoverageInTheUnitInterval() throws Exception {
    assertEquals(0, exitCode);
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    for (String key : List.of("nltp_leain", "nltp_baseline", "kl_leain_mean", "kl_baseline_mean", "kl_reduction",
        "is_efficiency_median_leain", "coverage90_leain", "coverage90_baseline", "coverage_max_dev_leain",
        "tarp_atc_leain", "c2st_median_leain", "speedup_median", "n_test", "n_mcmc", "seed")) {
      assertTrue(s.has(key) && s.get(key).isNumber() && Double.isFinite(s.get(key).asDouble()), key + ": " + s.get(key));
    }
    for (String key : List.of("coverage90_leain", "coverage90_baseline", "coverage_max_dev_leain",
        "is_efficiency_median_leain")) {
      assertTrue(s.get(key).asDouble() >= 0 && s.get(key).asDouble() <= 1, key);
    }
    assertTrue(s.get("c2st_median_leain").asDouble() >= 0.3 && s.get("c2st_median_leain").asDouble() <= 1);
    assertEquals(10, s.get("n_test").asInt());
    assertEquals(1, s.get("n_mcmc").asInt());
  }

  @Test
  void networkIsFasterThanTheSampler_onTheSameEvent() throws Exception {
    JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertTrue(s.get("speedup_median").asDouble() > 1, "speed-up " + s.get("speedup_median"));
  }

  @Test
  void report_namesTheModelsWeights_theCriteria_andTheRealSpectrumCheck() throws Exception {
    String md = Files.readString(out.resolve("report.md"));
    String sha = new ObjectMapper().readTree(root().resolve("model-artifacts/models/leain-v1/manifest.json").toFile())
        .get("weightsSha256").asText();
    assertTrue(md.contains(sha), "LEAIN weights sha256 in the report");
    assertTrue(md.contains("Below the issue's bar") && md.contains("median C2ST") && md.contains("IS efficiency"));
    assertTrue(md.contains("UNCOVER 45924") && md.contains("| z |"));
    for (String png : List.of("coverage.png", "tarp.png", "sbc_leain.png", "sbc_baseline.png", "corner_event0.png")) {
      assertTrue(Files.size(out.resolve(png)) > 1000, png);
    }
  }

  @Test
  void unknownModalities_isAUsageErrorNamingTheOption() {
    java.io.StringWriter err = new java.io.StringWriter();
    CommandLine cli = new CommandLine(new ValidateCommand()).setErr(new java.io.PrintWriter(err));
    int code = cli.execute("--model", "m", "--baseline", "b", "--out", out.toString(), "--modalities", "strain");
    assertEquals(2, code);
    assertTrue(err.toString().contains("Expected --modalities sed+strain or sed. Actual: strain"), err.toString());
  }
}
