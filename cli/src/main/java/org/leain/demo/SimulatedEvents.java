package org.leain.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.GwProvenance;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.SourceFormat;
import org.leain.contracts.Spectrum;
import org.leain.contracts.SpectrumProvenance;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.records.ObservationRecords;
import org.leain.sim.prior.Parameter;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;

/**
 * Simulated multi-messenger events as contract records: parameters drawn from the prior, the
 * simulator's noisy PRISM spectrum and whitened LISA-like strain, on a mock sky map given by the
 * caller.
 *
 * <p>The strain goes into one {@link StrainSegment}: channel A then channel E ({@link
 * StrainGrid#SIZE} samples each) on the simulator's log time-to-merger grid (sample 0 nearest the
 * merger, so {@code grid_step} is positive), whitened. A spectrum carries the simulated redshift as
 * its spectroscopic redshift, as a line fit would give it.
 */
final class SimulatedEvents {

  /** GPS time of the demo's simulated mergers (2025-01-01T00:00:00 UTC). */
  static final double MERGER_TIME_GPS = 1419724818.0;

  private final Simulator simulator = Simulator.standard();
  private final Prior prior = Prior.uniform();

  /** One simulated source: its parameters and what the instruments see. */
  record Source(Theta theta, Observation observation) {

    /** The inferred parameters by name (the names the posterior uses), for truth markers. */
    Map<String, Double> truthByName() {
      Map<String, Double> truth = new LinkedHashMap<>();
      for (Parameter p : Parameter.values()) {
        if (p.inferred()) {
          truth.put(p.id(), theta.get(p));
        }
      }
      return truth;
    }
  }

  /** A source drawn from the prior with a seed of its own (a pure function of the seed). */
  Source draw(long seed) {
    Theta theta = prior.sample(new SplittableRandom(seed));
    return new Source(theta, simulator.simulate(theta, seed ^ 0x5DEECE66DL));
  }

  /** The GW candidate of {@code source} on {@code skymap}, as the simulated feed publishes it. */
  GwCandidate candidate(String supereventId, Source source, MultiOrderSkymap skymap, long createdMs) {
    MultiOrderSkymap map = MultiOrderSkymap.newBuilder(skymap).setObject(supereventId).build();
    return GwCandidate.newBuilder()
        .setSupereventId(supereventId)
        .setAlertType(org.leain.contracts.AlertType.PRELIMINARY)
        .setVersion(1)
        .setTimeCreatedMs(createdMs)
        .setEventTimeGps(MERGER_TIME_GPS)
        .setEventTimeIso("2025-01-01T00:00:00Z")
        .setFarHz(1e-10)
        .setSignificant(true)
        .setInstruments(List.of("LISA-A", "LISA-E"))
        .setGroup("CBC")
        .setPipeline("leain-simulator")
        .setSkymap(map)
        .setStrain(ObservationRecords.strain(source.observation(), MERGER_TIME_GPS))
        .setUrls(Map.of())
        .setProvenance(GwProvenance.newBuilder()
            .setSourceTopic("leain.demo")
            .setSourceFormat(SourceFormat.SIMULATED)
            .build())
        .setMock(true)
        .build();
  }

  /** The spectrum of {@code source} at a position. */
  Spectrum spectrum(String spectrumId, Source source, double raDeg, double decDeg) {
    return ObservationRecords.spectrum(source.observation())
        .setSpectrumId(spectrumId)
        .setTargetName("simulated DCBH host " + spectrumId)
        .setRaDeg(raDeg)
        .setDecDeg(decDeg)
        .setRedshiftSpec(source.theta().z())
        .setProvenance(SpectrumProvenance.newBuilder()
            .setArchive("LEAIN simulator")
            .setReduction("simulated PRISM spectrum, Gaussian noise at the reported errors")
            .build())
        .build();
  }
}
