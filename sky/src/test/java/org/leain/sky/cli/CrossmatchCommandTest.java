package org.leain.sky.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leain.sky.testdata.TestData;
import picocli.CommandLine;

/** Runs {@code crossmatch} in-process on the real example files. */
class CrossmatchCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] KEYS = {"searched_prob", "searched_area_deg2", "probdensity_per_sr",
    "probdensity_per_deg2", "offset_deg", "area50_deg2", "area90_deg2", "area50_gcn_deg2", "area90_gcn_deg2",
    "distmu_mpc", "distsigma_mpc", "distnorm_per_mpc2", "distmean_mpc", "diststd_mpc", "sky_overlap"};

  record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd = new CommandLine(new CrossmatchCommand());
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static String data(String file) {
    return TestData.data(file).toString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"lvk/bayestar.multiorder.fits", "lvk/MS181101ab-preliminary.json",
      "lvk/MS181101ab-update.avro", "lvk/MS181101ab-ext-update.json"})
  void json_forThePublishedPosition_givesThePublishedDensity_fromMapsAndAlerts(String file) throws Exception {
    Run r = run("--skymap", data(file), "--ra", "197.4133", "--dec", "-23.3996", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode o = JSON.readTree(r.out());
    for (String key : KEYS) {
      assertTrue(o.has(key), key);
    }
    assertEquals(0.0346791909890781, o.get("probdensity_per_deg2").asDouble(), 0.0346791909890781 * 1e-9);
    assertEquals(30.9751810935746, o.get("area90_gcn_deg2").asDouble(), 30.9751810935746 * 1e-9);
    assertFalse(o.has("dl_mpc"));
  }

  @Test
  void json_withRedshift_addsDistanceAndVolumeDensity_andNeverWritesInfinity() throws Exception {
    Run r = run("--skymap", data("lvk/bayestar.multiorder.fits"), "--ra", "194.3", "--dec", "-17.86",
        "--z", "0.009", "--json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode o = JSON.readTree(r.out());
    assertTrue(o.get("dl_mpc").asDouble() > 35);
    assertTrue(o.get("probdensity_vol_per_mpc3").asDouble() > 0);
    assertFalse(r.out().contains("Infinity") || r.out().contains("NaN"));
  }

  @Test
  void combinedFlag_usesTheExternalCoincidenceMap() throws Exception {
    Run event = run("--skymap", data("lvk/MS181101ab-ext-update.avro"), "--ra", "194.3", "--dec", "-17.86", "--json");
    Run combined = run("--skymap", data("lvk/MS181101ab-ext-update.avro"), "--ra", "194.3", "--dec", "-17.86",
        "--json", "--combined");
    assertEquals(30.9751810935746, JSON.readTree(event.out()).get("area90_gcn_deg2").asDouble(), 1e-6);
    assertEquals(27.69669029196851, JSON.readTree(combined.out()).get("area90_gcn_deg2").asDouble(), 1e-9);
  }

  @Test
  void targetsCsv_givesOneJsonObjectPerLine_withNames(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("targets.csv");
    Files.writeString(csv, "name,ra,dec,z\n# a comment\nmax,194.30419921875,-17.8568950955455,0.009\n"
        + "published,197.4133,-23.3996\nfar,10,80,4.463\n");
    Run r = run("--skymap", data("lvk/bayestar.multiorder.fits"), "--targets", csv.toString(), "--json");
    assertEquals(0, r.exitCode(), r.err());
    String[] lines = r.out().strip().split("\n");
    assertEquals(3, lines.length);
    assertEquals("max", JSON.readTree(lines[0]).get("name").asText());
    assertEquals(0.0, JSON.readTree(lines[0]).get("offset_deg").asDouble(), 1e-9);
    assertTrue(JSON.readTree(lines[1]).get("dl_mpc") == null);
    assertTrue(JSON.readTree(lines[2]).get("searched_prob").asDouble() > 0.99);
  }

  @Test
  void table_isReadable_andNamesTheGcnRecipe() {
    Run r = run("--skymap", data("lvk/MS181101ab-initial.json"), "--ra", "197.4133", "--dec", "-23.3996");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("90% area (GCN recipe)"), r.out());
    assertTrue(r.out().contains("MS181101ab"), r.out());
  }

  @Test
  void retraction_hasNoSkymap_andExitsWithAClearError() {
    Run r = run("--skymap", data("lvk/MS181101ab-retraction.json"), "--ra", "1", "--dec", "2");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("RETRACTION"), r.err());
  }

  @Test
  void notAMap_exitsWithTheReason() {
    Run r = run("--skymap", data("jwst/uncover-v4_prism-clear_2561_45924.spec.fits"), "--ra", "1", "--dec", "2");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("BAD_ORDERING"), r.err());
  }

  @Test
  void missingPosition_isAUsageError() {
    assertEquals(2, run("--skymap", data("lvk/bayestar.multiorder.fits")).exitCode());
  }
}
