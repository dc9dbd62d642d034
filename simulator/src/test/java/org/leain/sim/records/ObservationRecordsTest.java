package org.leain.sim.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.leain.contracts.Spectrum;
import org.leain.contracts.StrainSegment;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.gw.StrainGrid;
import org.leain.sim.prior.Prior;

class ObservationRecordsTest {

  private static final Simulator SIMULATOR = Simulator.standard();

  private static Observation observation(long seed) {
    return SIMULATOR.simulate(Prior.uniform().sample(new SplittableRandom(seed)), seed);
  }

  @Test
  void spectrum_carriesTheSimulatedSedBinForBin_withItsMaskedCount() {
    Observation o = observation(3);
    Spectrum s = ObservationRecords.spectrum(o).setSpectrumId("sim-3").setTargetName("t").setRaDeg(1.0)
        .setDecDeg(2.0).setProvenance(org.leain.contracts.SpectrumProvenance.newBuilder().setArchive("x").build())
        .build();
    int n = o.wavelengthUm().length;
    assertEquals(n, s.getWavelengthUm().size());
    int masked = 0;
    for (int i = 0; i < n; i++) {
      assertEquals(o.wavelengthUm()[i], s.getWavelengthUm().get(i), 0.0);
      assertEquals(o.fluxUjy()[i], s.getFluxUjy().get(i), 0.0);
      assertEquals(o.fluxErrUjy()[i], s.getFluxErrUjy().get(i), 0.0);
      assertEquals(o.sedMask()[i], s.getMask().get(i));
      masked += o.sedMask()[i] ? 0 : 1;
    }
    assertEquals(masked, s.getNMasked());
  }

  @Test
  void strain_isChannelAThenE_withTheTimeMaskRepeated_onTheSimulatorsGrid() {
    Observation o = observation(4);
    assertTrue(o.hasStrain());
    StrainSegment segment = ObservationRecords.strain(o, 1.4e9);
    int n = o.strainMask().length;
    assertEquals(2 * n, segment.getSamples().size());
    assertEquals(2 * n, segment.getMask().size());
    for (int i = 0; i < n; i++) {
      assertEquals((float) o.strainA()[i], segment.getSamples().get(i), 0.0f);
      assertEquals((float) o.strainE()[i], segment.getSamples().get(n + i), 0.0f);
      assertEquals(o.strainMask()[i], segment.getMask().get(i));
      assertEquals(o.strainMask()[i], segment.getMask().get(n + i));
    }
    StrainGrid grid = StrainGrid.standard();
    assertEquals(grid.lnTau(0), segment.getGridStart(), 0.0);
    assertEquals(grid.lnStep(), segment.getGridStep(), 0.0);
    assertEquals(1.4e9, segment.getMergerTimeGps(), 0.0);
    assertTrue(segment.getWhitened());
  }
}
