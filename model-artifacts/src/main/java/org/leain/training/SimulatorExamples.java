package org.leain.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.network.NetworkConfig;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.dataset.DatasetReader;
import org.leain.sim.dataset.DatasetRecord;
import org.leain.sim.gw.StrainGrid;
import org.leain.sim.prior.Parameter;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;
import org.leain.sim.sed.SpectralGrid;

/**
 * Training examples from the DCBH simulator: simulated on the fly (theta from the uniform prior,
 * noise-free signals, flux errors drawn per example) or read from a dataset written by
 * {@code ./leain simulate}. Also defines the production architecture for the simulator's grids.
 */
public final class SimulatorExamples implements ExampleGenerator {

  /** G Msun / c^3 in seconds: converts the detector-frame mass to the strain's time unit. */
  static final double MSUN_S = 4.925490947e-6;
  /** The waveform support in units of the detector-frame mass: tau / M_det in [1, 600]. */
  static final double SUPPORT_X_MAX = 600.0;

  private final Simulator simulator = Simulator.standard();
  private final Prior prior = Prior.uniform();
  private final DatasetReader dataset;

  private SimulatorExamples(DatasetReader dataset) {
    this.dataset = dataset;
  }

  /** Simulates every example on the fly. */
  public static SimulatorExamples onTheFly() {
    return new SimulatorExamples(null);
  }

  /** Reads examples from a dataset file (index i is record i). */
  public static SimulatorExamples fromDataset(Path file) throws IOException {
    return new SimulatorExamples(DatasetReader.open(file));
  }

  /** Number of records in the dataset, or -1 when simulating on the fly. */
  public long datasetSize() {
    return dataset == null ? -1 : dataset.size();
  }

  @Override
  public TrainingExample example(long seed, long index) {
    if (dataset != null) {
      DatasetRecord record;
      try {
        record = dataset.read(index);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return toExample(record.theta(), record.noiseFreeObservation(
          simulator.spectralGrid().wavelengthUm()));
    }
    SplittableRandom random = new SplittableRandom(exampleSeed(seed, index));
    Theta theta = prior.sample(random);
    return toExample(theta, simulator.simulateNoiseFree(theta, random.nextLong()));
  }

  /**
   * The simulator seed of on-the-fly example {@code index}: the example draws theta and its flux
   * errors from a SplittableRandom with this seed (how the study proves its held-out events are
   * not training examples).
   */
  public static long exampleSeed(long seed, long index) {
    return seed * 0x9E3779B97F4A7C15L + index;
  }

  static TrainingExample toExample(Theta theta, Observation o) {
    int n = o.fluxUjy().length;
    float[] flux = new float[n];
    float[] err = new float[n];
    float[] mask = new float[n];
    for (int i = 0; i < n; i++) {
      flux[i] = (float) o.fluxUjy()[i];
      err[i] = (float) o.fluxErrUjy()[i];
      mask[i] = o.sedMask()[i] ? 1f : 0f;
    }
    int m = o.strainMask().length;
    float[] strain = new float[2 * m];
    float[] strainMask = new float[m];
    for (int i = 0; i < m; i++) {
      strain[i] = (float) o.strainA()[i];
      strain[m + i] = (float) o.strainE()[i];
      strainMask[i] = o.strainMask()[i] ? 1f : 0f;
    }
    double[] all = theta.toArray();
    double[] outputs = new double[7];
    System.arraycopy(all, 0, outputs, 0, 7);
    return new TrainingExample(flux, err, mask, o.hasStrain() ? strain : null,
        o.hasStrain() ? strainMask : null, outputs, Math.log1p(theta.z()),
        Math.log(theta.detectorFrameTotalMassMsun()));
  }

  @Override
  public NetworkConfig networkConfig(String kind) {
    SpectralGrid sed = simulator.spectralGrid();
    StrainGrid strain = simulator.strainGrid();
    double step = strain.lnStep();
    // Sample 0 is tau = MIN_TAU_S; the support starts at tau = M_det (x = 1).
    double originLnMass = Math.log(StrainGrid.MIN_TAU_S / MSUN_S);
    int supportBins = (int) Math.ceil(Math.log(SUPPORT_X_MAX) / step) + 2;
    double lnMassMin = Math.log((1 + Parameter.Z.lower()) * Math.pow(10, Parameter.LOG10_MBH.lower())
        * (1 + Parameter.Q.lower()));
    double lnMassMax = Math.log((1 + Parameter.Z.upper()) * Math.pow(10, Parameter.LOG10_MBH.upper())
        * (1 + Parameter.Q.upper()));
    return new NetworkConfig(kind, sed.size(), sed.lnStep(), strain.size(), 2, step, originLnMass,
        supportBins, Math.log1p(Parameter.Z.lower()), Math.log1p(Parameter.Z.upper()), lnMassMin,
        lnMassMax, 0.5 * (lnMassMin + lnMassMax), 24, 0, 8, 7, 8, 16, 64, 128);
  }

  @Override
  public List<ModelManifest.ParameterSpec> parameters() {
    List<ModelManifest.ParameterSpec> out = new ArrayList<>();
    for (Parameter p : Parameter.values()) {
      if (p.inferred()) {
        out.add(new ModelManifest.ParameterSpec(p.id(), p.unit(), p.lower(), p.upper(),
            p == Parameter.Z ? "ln1p-logit" : "logit"));
      }
    }
    return out;
  }

  @Override
  public ModelManifest.Grid sedGrid() {
    SpectralGrid g = simulator.spectralGrid();
    return new ModelManifest.Grid(g.size(), 1, g.lnEdge(0), g.lnStep(), "um",
        "lnFirst is ln of the first bin's lower edge; bin centres at lnFirst + (i + 0.5) lnStep");
  }

  @Override
  public ModelManifest.Grid strainGrid() {
    StrainGrid g = simulator.strainGrid();
    return new ModelManifest.Grid(g.size(), 2, g.lnTau(0), g.lnStep(), "s",
        "ln(tau / 1 s) of sample i is lnFirst + i lnStep, tau = time before the reference time; "
            + "channels TDI A then E, whitened");
  }

  @Override
  public String description() {
    return dataset == null ? "org.leain.sim.Simulator.standard(), simulated on the fly"
        : "dataset written by ./leain simulate (seed " + dataset.seed() + ", " + dataset.size()
            + " records)";
  }
}
