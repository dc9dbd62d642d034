package org.leain.posterior;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.leain.posterior.network.NetworkConfig;

/** Frames outside the prior are flagged, frames inside are not, and the baseline never is. */
class FrameCheckTest {

  /** Prior z in [0.02, 12] and ln M_det in [10, 14], as in the committed models. */
  private static NetworkConfig config(String kind) {
    return new NetworkConfig(kind, 320, 0.0068, 256, 2, 0.02, 9.9, 120, Math.log(1.02), Math.log(13),
        10.0, 14.0, 12.0, 8, 0, 4, 7, 8, 8, 32, 64);
  }

  @Test
  void framesInsideThePrior_giveNoWarning() {
    assertEquals(List.of(), FrameCheck.warnings(config("leain"), Math.log(1 + 7.0), 12.0, true));
    assertEquals(List.of(), FrameCheck.warnings(config("leain"), Math.log(13), 14.0, true));
  }

  @Test
  void aRedshiftFrameBeyondThePrior_isFlaggedWithItsRedshift() {
    // The real UNCOVER 45924 spectrum on the first leain-v1: eta_hat = 2.701 (z 13.9).
    List<String> w = FrameCheck.warnings(config("leain"), 2.701, 0, false);
    assertEquals(1, w.size());
    assertTrue(w.get(0).startsWith("Expected the spectrum's redshift frame inside the prior, z in [0.02, 12.00]. "
        + "Actual: z_hat = 13.89"), w.get(0));
    assertEquals(1, FrameCheck.warnings(config("leain"), Double.NaN, 0, false).size());
  }

  @Test
  void aMassFrameBeyondThePrior_isFlaggedOnlyWhenTheEventHasStrain() {
    assertEquals(List.of(), FrameCheck.warnings(config("leain"), 2.0, 15.5, false));
    List<String> w = FrameCheck.warnings(config("leain"), 2.0, 15.5, true);
    assertEquals(1, w.size());
    assertTrue(w.get(0).contains("Actual: 15.500"), w.get(0));
  }

  @Test
  void theBaseline_hasNoFrames_andIsNeverFlagged() {
    assertEquals(List.of(), FrameCheck.warnings(config("baseline"), 0, 0, true));
  }
}
