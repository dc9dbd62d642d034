package org.leain.training.efficiency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.leain.training.SimulatorExamples;

class HeldOutSetTest {

  /**
   * Reference: nltp_leain of the committed validation report (ValidationRun + Nltp, 2,000 events,
   * seed 2026), an independent code path over the same events.
   */
  @Test
  void heldOutSetOfSeed2026_isTheCommittedValidationTestSet_soLeainV1ReproducesItsNltp() throws Exception {
    Path models = DataEfficiencyCommandTest.root().resolve("model-artifacts/models");
    double reported = new ObjectMapper().readTree(models.resolve("leain-v1/validation/summary.json").toFile())
        .get("nltp_leain").asDouble();
    double[] nll = HeldOutSet.draw(2000, 2026).negativeLogProbabilities(models.resolve("leain-v1"));
    double sum = 0;
    for (double v : nll) {
      sum += v;
    }
    assertEquals(reported, sum / nll.length, 1e-6);
  }

  @Test
  void disjointnessCheck_rejectsAHeldOutEventThatIsATrainingExample() {
    HeldOutSet set = HeldOutSet.draw(3, 2026);
    long firstEventSeed = new java.util.SplittableRandom(2026).nextLong();
    // The training seed whose example 5 has exactly the first held-out event's simulator seed:
    // exampleSeed(s, i) = s * G + i with G odd, so s = (firstEventSeed - 5) * G^-1 mod 2^64.
    long g = SimulatorExamples.exampleSeed(1, 0);
    long inverse = g;
    for (int k = 0; k < 6; k++) {
      inverse *= 2 - g * inverse;
    }
    long trainingSeed = (firstEventSeed - 5) * inverse;
    assertEquals(firstEventSeed, SimulatorExamples.exampleSeed(trainingSeed, 5));
    set.requireDisjointFrom(trainingSeed, 5);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> set.requireDisjointFrom(trainingSeed, 6));
    assertEquals("Expected held-out events disjoint from the training simulations. Actual: held-out event 0 "
        + "is training example 5", e.getMessage());
  }
}
