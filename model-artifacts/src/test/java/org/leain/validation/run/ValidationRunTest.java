package org.leain.validation.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.validation.mcmc.BoxBounds;
import org.leain.validation.mcmc.LogDensity;
import org.leain.validation.mcmc.McmcConfig;
import org.leain.validation.metrics.EventPosterior;
import org.leain.validation.report.ValidationReport;

/**
 * The whole validation on the conjugate Gaussian problem (theta ~ N(0, I_2) in a wide box,
 * x = theta + N(0, I_2)): "LEAIN" is the exact posterior N(x/2, I/2), the "baseline" is 1.6x too
 * wide, so KL(baseline) = 2 (ln 1.6 + 1/(2 x 1.6^2) - 1/2) = 0.331 nats and LEAIN's is 0.
 */
class ValidationRunTest {

  private static final double K_BASELINE = 1.6;
  private static ValidationResults results;
  @TempDir static Path out;

  /** The conjugate problem; X is the observation vector. */
  static final class ConjugateProblem implements ValidationProblem<double[]> {
    @Override
    public List<String> parameterNames() {
      return List.of("a", "b");
    }

    @Override
    public BoxBounds box() {
      return BoxBounds.cube(2, -8, 8);
    }

    @Override
    public TestEvent<double[]> draw(long seed) {
      SplittableRandom r = new SplittableRandom(seed);
      double[] theta = {gaussian(r), gaussian(r)};
      return new TestEvent<>(theta, new double[] {theta[0] + gaussian(r), theta[1] + gaussian(r)});
    }

    @Override
    public LogDensity logPosterior(double[] x) {
      return new LogDensity() {
        @Override
        public double logDensity(double[] t) {
          double s = 0;
          for (int j = 0; j < 2; j++) {
            s += -0.5 * (x[j] - t[j]) * (x[j] - t[j]) - 0.5 * t[j] * t[j];
          }
          return s;
        }

        @Override
        public int dimension() {
          return 2;
        }
      };
    }
  }

  /** N(x/2, k^2 / 2 I). */
  record Scaled(String name, double k) implements AmortizedPosterior<double[]> {
    @Override
    public EventPosterior posterior(double[] x) {
      double sd = k * Math.sqrt(0.5);
      return new EventPosterior() {
        @Override
        public int dimension() {
          return 2;
        }

        @Override
        public double[][] sample(int n, long seed) {
          SplittableRandom r = new SplittableRandom(seed);
          double[][] s = new double[n][2];
          for (double[] row : s) {
            row[0] = x[0] / 2 + sd * gaussian(r);
            row[1] = x[1] / 2 + sd * gaussian(r);
          }
          return s;
        }

        @Override
        public double logDensity(double[] t) {
          double q = 0;
          for (int j = 0; j < 2; j++) {
            q += (t[j] - x[j] / 2) * (t[j] - x[j] / 2);
          }
          return -0.5 * q / (sd * sd) - 2 * Math.log(sd * Math.sqrt(2 * Math.PI));
        }
      };
    }
  }

  static double gaussian(SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  @BeforeAll
  static void validate() throws Exception {
    ValidationSettings settings = new ValidationSettings(400, 3, 199, 20, 20_000,
        McmcConfig.defaults(2).withWalkers(16), 7);
    results = ValidationRun.run(new ConjugateProblem(), new Scaled("exact", 1), new Scaled("wide", K_BASELINE), settings);
    ValidationReport.write(results, out);
  }

  @Test
  void klOfTheExactPosterior_isNearZero_andTheBaselinesIsTheAnalyticValue() {
    ValidationSummary s = results.summary();
    double expected = 2 * (Math.log(K_BASELINE) + 1 / (2 * K_BASELINE * K_BASELINE) - 0.5);
    assertEquals(0, s.klLeainMean(), 0.02);
    assertEquals(expected, s.klBaselineMean(), 0.05);
    assertTrue(s.klReduction() > 0.9 && s.klCriterionMet());
    assertEquals(1, s.isEfficiencyMedianLeain(), 0.01);
  }

  @Test
  void coverageOfTheExactPosterior_isNinetyPercent_andTheWideBaselinesIsHigher() {
    ValidationSummary s = results.summary();
    assertEquals(0.9, s.coverage90Leain(), 4 * Math.sqrt(0.09 / 400) + 0.01);
    assertTrue(s.coverage90Baseline() > 0.97, "baseline " + s.coverage90Baseline());
    assertTrue(s.tarpAtcLeain() > -1 && results.baseline().tarp().atc() > 1);
  }

  @Test
  void mcmcAgainstTheExactPosterior_isIndistinguishableByC2st_andConverged() {
    assertEquals(0.5, results.summary().c2stMedianLeain(), 0.06);
    for (McmcEventOutcome o : results.mcmcEvents()) {
      assertTrue(o.mcmc().converged());
      assertTrue(o.speedup() > 0 && Double.isFinite(o.speedup()));
    }
  }

  @Test
  void summaryJson_hasExactlyTheIssuesKeys_inOrder() throws Exception {
    JsonNode json = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    List<String> keys = new ArrayList<>();
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      keys.add(it.next());
    }
    assertEquals(List.of("nltp_leain", "nltp_baseline", "kl_leain_mean", "kl_baseline_mean", "kl_reduction",
        "is_efficiency_median_leain", "coverage90_leain", "coverage90_baseline", "coverage_max_dev_leain",
        "tarp_atc_leain", "c2st_median_leain", "speedup_median", "n_test", "n_mcmc", "seed"), keys);
    assertEquals(400, json.get("n_test").asInt());
    assertEquals(results.summary().nltpLeain(), json.get("nltp_leain").asDouble(), 0);
  }

  @Test
  void report_perParameterMismatch_showsTheExactPosteriorAsMcmcsWidth_andTheBaselineAsItsTrueWidthRatio()
      throws Exception {
    String md = Files.readString(out.resolve("report.md"));
    String section = md.substring(md.indexOf("## How the networks differ from MCMC, per parameter"));
    for (String parameter : List.of("a", "b")) {
      String row = section.lines().filter(l -> l.startsWith("| " + parameter + " |")).findFirst().orElseThrow();
      String[] cells = row.split("\\|");
      // cells: "", parameter, sd ratio LEAIN, offset LEAIN, sd ratio baseline, offset baseline
      assertEquals(1.0, Double.parseDouble(cells[2].trim()), 0.1, row);
      assertEquals(K_BASELINE, Double.parseDouble(cells[4].trim()), 0.15, row);
      assertTrue(Double.parseDouble(cells[3].trim()) < 0.2 && Double.parseDouble(cells[5].trim()) < 0.3, row);
    }
    java.util.regex.Matcher joint = java.util.regex.Pattern
        .compile("is (\\S+) nats for LEAIN and (\\S+) for the baseline").matcher(section);
    assertTrue(joint.find(), section);
    assertEquals(0, Double.parseDouble(joint.group(1)), 0.15);
    assertEquals(2 * Math.log(K_BASELINE), Double.parseDouble(joint.group(2)), 0.2);
  }

  @Test
  void report_writesTheMarkdownAndEveryPlotAsAReadablePng() throws Exception {
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("The proposal's criteria") && md.contains("corner_event0.png"));
    List<String> pngs = new ArrayList<>(List.of("coverage.png", "tarp.png", "sbc_leain.png", "sbc_baseline.png",
        "corner_event0.png", "corner_event2.png"));
    for (String png : pngs) {
      BufferedImage image = ImageIO.read(out.resolve(png).toFile());
      assertNotNull(image, png);
      assertTrue(image.getWidth() >= 250 && image.getHeight() >= 250, png);
    }
  }
}
