package org.leain.stream.shadow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.leain.contracts.AlertType;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.GwProvenance;
import org.leain.contracts.SourceFormat;
import org.leain.contracts.Spectrum;
import org.leain.contracts.SpectrumProvenance;
import org.leain.contracts.StrainGridKind;
import org.leain.contracts.StrainSegment;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.gw.StrainGrid;
import org.leain.sim.localization.MockLocalization;
import org.leain.sim.prior.Parameter;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;
import org.leain.sky.lvk.GwCandidates;

/**
 * Injections from the DCBH simulator: theta from the uniform prior, the noisy PRISM spectrum and
 * the whitened two-channel strain (channel A then E, sample 0 nearest the merger), and a mock
 * localization. The spectrum sits at the centre of the mock map (searched probability ~0), so the
 * sky join accepts every injection: the sky position carries no information about theta, and an
 * injection rejected by the join would only waste simulation. Thread-safe.
 */
final class SimulatorInjections implements InjectionSimulation {
  /** GPS time given to simulated mergers; the strain is relative to it, its value does not matter. */
  private static final double MERGER_TIME_GPS = 1419724818.0;

  private final Simulator simulator = Simulator.standard();
  private final Prior prior = Prior.uniform();

  @Override
  public Injection simulate(String supereventId, String spectrumId, long seed, long nowMs) {
    SplittableRandom random = new SplittableRandom(seed);
    Theta theta = prior.sample(random);
    long simulationSeed = random.nextLong();
    Observation observation = simulator.simulate(theta, simulationSeed);
    MockLocalization localization = simulator.simulateLocalization(theta, simulationSeed);
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (Parameter p : Parameter.values()) {
      if (p.inferred()) {
        names.add(p.id());
        values.add(theta.get(p));
      }
    }
    return new Injection(candidate(supereventId, observation, localization, nowMs),
        spectrum(spectrumId, observation, localization), names,
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private GwCandidate candidate(String id, Observation o, MockLocalization localization, long nowMs) {
    return GwCandidate.newBuilder()
        .setSupereventId(id)
        .setAlertType(AlertType.PRELIMINARY)
        .setVersion(1)
        .setTimeCreatedMs(nowMs)
        .setEventTimeGps(MERGER_TIME_GPS)
        .setFarHz(1e-10)
        .setSignificant(true)
        .setInstruments(List.of("LISA-A", "LISA-E"))
        .setGroup("CBC")
        .setPipeline("leain-shadow")
        .setSearch("MDC")
        .setSkymap(GwCandidates.toRecord(localization.toSkymap(id)))
        .setStrain(strain(o))
        .setUrls(Map.of())
        .setProvenance(GwProvenance.newBuilder()
            .setSourceTopic("leain.shadow")
            .setSourceFormat(SourceFormat.SIMULATED)
            .build())
        .setMock(true)
        .build();
  }

  private static Spectrum spectrum(String id, Observation o, MockLocalization localization) {
    int n = o.wavelengthUm().length;
    List<Double> wave = new ArrayList<>(n);
    List<Double> flux = new ArrayList<>(n);
    List<Double> err = new ArrayList<>(n);
    List<Boolean> mask = new ArrayList<>(n);
    int masked = 0;
    for (int i = 0; i < n; i++) {
      wave.add(o.wavelengthUm()[i]);
      flux.add(o.fluxUjy()[i]);
      err.add(o.fluxErrUjy()[i]);
      mask.add(o.sedMask()[i]);
      masked += o.sedMask()[i] ? 0 : 1;
    }
    return Spectrum.newBuilder()
        .setSpectrumId(id)
        .setTargetName("shadow injection " + id)
        .setRaDeg(localization.centreRaDeg())
        .setDecDeg(localization.centreDecDeg())
        .setInstrument("NIRSpec")
        .setGrating("PRISM")
        .setFilter("CLEAR")
        .setWavelengthUm(wave)
        .setFluxUjy(flux)
        .setFluxErrUjy(err)
        .setMask(mask)
        .setNMasked(masked)
        .setProvenance(SpectrumProvenance.newBuilder()
            .setArchive("SIMULATED")
            .setReduction("LEAIN shadow injection: simulated PRISM spectrum, Gaussian noise at the reported errors")
            .build())
        .build();
  }

  private static StrainSegment strain(Observation o) {
    int n = o.strainMask().length;
    List<Float> samples = new ArrayList<>(2 * n);
    List<Boolean> mask = new ArrayList<>(2 * n);
    for (double[] channel : new double[][] {o.strainA(), o.strainE()}) {
      for (int i = 0; i < n; i++) {
        samples.add((float) channel[i]);
        mask.add(o.strainMask()[i]);
      }
    }
    StrainGrid grid = StrainGrid.standard();
    return StrainSegment.newBuilder()
        .setDetector("LISA-AE")
        .setGridKind(StrainGridKind.LOG_TIME_TO_MERGER)
        .setMergerTimeGps(MERGER_TIME_GPS)
        .setGridStart(grid.lnTau(0))
        .setGridStep(grid.lnStep())
        .setSamples(samples)
        .setWhitened(true)
        .setPsdDescription("LISA-like TDI channels A then E (" + n + " samples each), whitened by the "
            + "simulator's noise PSD; sample 0 nearest the merger")
        .setMask(mask)
        .build();
  }
}
