package org.leain.sim;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.leain.sim.cosmology.LuminosityDistance;
import org.leain.sim.cosmology.Planck18;
import org.leain.sim.gw.GwModel;
import org.leain.sim.gw.StrainGrid;
import org.leain.sim.localization.MockLocalization;
import org.leain.sim.localization.MockLocalizer;
import org.leain.sim.prior.Theta;
import org.leain.sim.sed.SedModel;
import org.leain.sim.sed.SpectralGrid;

/**
 * The DCBH forward model theta -&gt; observation: SED on the PRISM grid with per-bin errors and
 * Gaussian noise, whitened two-channel strain with white unit-variance noise.
 *
 * <p>Randomness: a seed drives a {@link SplittableRandom}; its first split draws the flux errors
 * (exposure depth), the second the noise (flux bins in order, then channel A, then channel E), the
 * third the mock localization. So {@code simulate(theta, seed)} is exactly
 * {@code addNoise(simulateNoiseFree(theta, seed), noise stream of seed)} and the same seed always
 * gives the same observation. Immutable and thread-safe.
 */
public final class Simulator {

  private static final Simulator STANDARD = new Simulator(Planck18.instance());

  private final SpectralGrid spectralGrid;
  private final StrainGrid strainGrid;
  private final SedModel sedModel;
  private final GwModel gwModel;
  private final double[] wavelengthUm;
  private final LuminosityDistance distance;
  private final MockLocalizer localizer = new MockLocalizer();

  /** A simulator on the standard grids with the given distance-redshift relation. */
  public Simulator(LuminosityDistance distance) {
    this.spectralGrid = SpectralGrid.prism();
    this.strainGrid = StrainGrid.standard();
    this.sedModel = new SedModel(spectralGrid, distance);
    this.gwModel = new GwModel(strainGrid, distance);
    this.wavelengthUm = spectralGrid.wavelengthUm();
    this.distance = distance;
  }

  /** The standard simulator: PRISM grid, LISA-like strain grid, Planck 2018 distances. */
  public static Simulator standard() {
    return STANDARD;
  }

  /** The ln-wavelength grid of the SED. */
  public SpectralGrid spectralGrid() {
    return spectralGrid;
  }

  /** The log-time grid of the strain. */
  public StrainGrid strainGrid() {
    return strainGrid;
  }

  /** The SED half of the model. */
  public SedModel sedModel() {
    return sedModel;
  }

  /** The GW half of the model. */
  public GwModel gwModel() {
    return gwModel;
  }

  /**
   * The noise-free observation: noise-free flux and whitened strain (with theta's phi_c), flux
   * errors drawn from the seed's first stream, all masks true, no localization.
   *
   * @throws IllegalArgumentException if theta lies outside the prior, naming the parameter
   */
  public Observation simulateNoiseFree(Theta theta, long seed) {
    theta.requireInPrior();
    SplittableRandom root = new SplittableRandom(seed);
    SplittableRandom errorStream = root.split();
    int nSed = spectralGrid.size();
    int nStrain = strainGrid.size();
    double[] flux = new double[nSed];
    double[] err = new double[nSed];
    double[] a = new double[nStrain];
    double[] e = new double[nStrain];
    sedModel.observedFluxUjy(theta, flux);
    sedModel.drawFluxErrors(errorStream, err);
    gwModel.whitenedSignal(theta, a, e);
    boolean[] sedMask = new boolean[nSed];
    Arrays.fill(sedMask, true);
    boolean[] strainMask = new boolean[nStrain];
    Arrays.fill(strainMask, true);
    return new Observation(wavelengthUm, flux, err, sedMask, a, e, strainMask, null);
  }

  /**
   * The mock localization of the event, from the seed's third stream: a true sky position uniform
   * on the sphere, and a map around it ({@link MockLocalizer}) with the true luminosity distance.
   */
  public MockLocalization simulateLocalization(Theta theta, long seed) {
    theta.requireInPrior();
    SplittableRandom root = new SplittableRandom(seed);
    root.split();
    root.split();
    SplittableRandom sky = root.split();
    double raDeg = 360.0 * sky.nextDouble();
    double decDeg = Math.toDegrees(Math.asin(2.0 * sky.nextDouble() - 1.0));
    return localizer.localize(raDeg, decDeg, distance.luminosityDistanceMpc(theta.z()), sky);
  }

  /** A noisy observation: {@link #simulateNoiseFree} plus noise from the seed's second stream. */
  public Observation simulate(Theta theta, long seed) {
    Observation clean = simulateNoiseFree(theta, seed);
    SplittableRandom root = new SplittableRandom(seed);
    root.split();
    return addNoise(clean, root.split());
  }

  /**
   * Adds the likelihood's noise to a noise-free observation: N(0, flux_err^2) per unmasked SED
   * bin, N(0, 1) per unmasked strain sample in each channel. Used by training to draw fresh noise
   * each epoch; exact because it is the noise the likelihood assumes.
   */
  public static Observation addNoise(Observation noiseFree, SplittableRandom random) {
    double[] flux = noiseFree.fluxUjy().clone();
    double[] err = noiseFree.fluxErrUjy();
    boolean[] sedMask = noiseFree.sedMask();
    for (int i = 0; i < flux.length; i++) {
      if (sedMask[i]) {
        flux[i] += err[i] * random.nextGaussian();
      }
    }
    double[] a = noiseFree.strainA().clone();
    double[] e = noiseFree.strainE().clone();
    boolean[] strainMask = noiseFree.strainMask();
    for (int i = 0; i < a.length; i++) {
      if (strainMask[i]) {
        a[i] += random.nextGaussian();
      }
    }
    for (int i = 0; i < e.length; i++) {
      if (strainMask[i]) {
        e[i] += random.nextGaussian();
      }
    }
    return new Observation(noiseFree.wavelengthUm(), flux, err, sedMask, a, e, strainMask,
        noiseFree.localization());
  }
}
