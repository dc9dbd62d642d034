package org.leain.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.Modality;
import org.leain.stream.lvk.SkyAlertDecoder;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;
import org.leain.stream.testing.TestOnlyEngine;

/**
 * The whole topology on real inputs: the LVK preliminary notice of MS181101ab as GCN serves it
 * (JSON, base64 FITS map, no strain) and the real UNCOVER 45924 PRISM spectrum, placed at the map's
 * maximum-density position published for bayestar.multiorder.fits (RA 194.30419921875,
 * Dec -17.8568950955455).
 */
class RealAlertTopologyTest {
  private static final double MAX_RA_DEG = 194.30419921875;
  private static final double MAX_DEC_DEG = -17.8568950955455;

  @Test
  void preliminaryJson_andUncover45924InsideTheRegion_giveAnSedOnlyPosterior() {
    try (StreamDriver stream = new StreamDriver(Map.of(), new SkyAlertDecoder(), TestOnlyEngine::new)) {
      long t0 = 1_800_000_000_000L;
      stream.alerts.pipeInput(null, Fixtures.read("data/lvk/MS181101ab-preliminary.json"), t0);
      stream.spectrum(Fixtures.uncover45924(MAX_RA_DEG, MAX_DEC_DEG), t0 + 1000);

      Map<String, Association> associations = StreamDriver.latest(stream.associations);
      assertEquals(List.of("MS181101ab|UNCOVER-45924"), List.copyOf(associations.keySet()));
      Association a = associations.get("MS181101ab|UNCOVER-45924");
      assertTrue(a.getAccepted());
      assertEquals(1, a.getAlertVersion());
      // The maximum-density pixel is ranked first: its searched probability is its own probability.
      assertTrue(a.getSearchedProb() < 0.01, "searched_prob " + a.getSearchedProb());
      assertEquals(0.0782516470191411, a.getProbdensityPerSr() / Math.pow(180 / Math.PI, 2), 1e-9,
          "published maximum density, deg^-2");
      assertNotNull(a.getDlMpc(), "z = 4.463 gives a luminosity distance");
      assertEquals(0.0, a.getDistanceDensityPerMpc(), 1e-12, "a z = 4.5 source is far beyond a BNS map's distances");

      DcbhPosterior p = StreamDriver.latest(stream.posteriors).get("MS181101ab|UNCOVER-45924");
      assertNotNull(p);
      assertEquals(List.of(Modality.SED), p.getModalities(), "an LVK notice carries no strain");
      assertEquals(t0, p.getTimings().getIngestGwMs());
      assertEquals(t0 + 1000, p.getTimings().getIngestSpectrumMs());
    }
  }

  @Test
  void distanceGate_whenConfigured_rejectsAZ45SpectrumAgainstABnsMap() {
    try (StreamDriver stream = new StreamDriver(Map.of("join.distance.gate.min.density.per.mpc", "1e-6"),
        new SkyAlertDecoder(), TestOnlyEngine::new)) {
      stream.alerts.pipeInput(null, Fixtures.read("data/lvk/MS181101ab-preliminary.json"), 1_000L);
      stream.spectrum(Fixtures.uncover45924(MAX_RA_DEG, MAX_DEC_DEG), 2_000L);
      assertTrue(stream.associations.isEmpty(), "searched_prob passes but the distance gate does not");
      assertTrue(stream.posteriors.isEmpty());
    }
  }

  @Test
  void combinedSkymap_isUsed_whenConfigured_andNamedInTheAssociation() {
    try (StreamDriver stream = new StreamDriver(Map.of("join.skymap", "COMBINED"), new SkyAlertDecoder(),
        TestOnlyEngine::new)) {
      stream.alerts.pipeInput(null, Fixtures.read("data/lvk/MS181101ab-ext-update.json"), 1_000L);
      stream.spectrum(Fixtures.uncover45924(MAX_RA_DEG, MAX_DEC_DEG), 2_000L);
      Association a = StreamDriver.latest(stream.associations).get("MS181101ab|UNCOVER-45924");
      assertNotNull(a, "inside the combined map's 90% region too");
      assertEquals(org.leain.contracts.SkymapChoice.COMBINED, a.getSkymapUsed());
    }
  }
}
