package org.leain.sim.records;

import java.util.ArrayList;
import java.util.List;
import org.leain.contracts.Spectrum;
import org.leain.contracts.StrainGridKind;
import org.leain.contracts.StrainSegment;
import org.leain.sim.Observation;
import org.leain.sim.gw.StrainGrid;

/** Converts a simulated {@link Observation} into the fields of the contracts' records. */
public final class ObservationRecords {

  private ObservationRecords() {}

  /**
   * A spectrum builder holding the observation's SED as a NIRSpec PRISM/CLEAR spectrum: wavelength,
   * flux, flux errors, mask and masked count. The caller adds the id, target name, position,
   * provenance and anything else that is not the simulator's.
   */
  public static Spectrum.Builder spectrum(Observation o) {
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
        .setInstrument("NIRSpec")
        .setGrating("PRISM")
        .setFilter("CLEAR")
        .setWavelengthUm(wave)
        .setFluxUjy(flux)
        .setFluxErrUjy(err)
        .setMask(mask)
        .setNMasked(masked);
  }

  /**
   * The observation's whitened strain as a segment on the simulator's log-time-to-merger grid:
   * channel A then channel E (channel-major, {@code 2 n} samples), the time-sample mask repeated
   * for each channel (an observation without strain gives a segment whose samples are all masked).
   */
  public static StrainSegment strain(Observation o, double mergerTimeGps) {
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
        .setMergerTimeGps(mergerTimeGps)
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
