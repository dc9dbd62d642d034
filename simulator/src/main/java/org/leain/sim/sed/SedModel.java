package org.leain.sim.sed;

import static org.leain.sim.sed.NebularLines.*;
import static org.leain.sim.sed.PhysicalConstants.*;

import java.util.SplittableRandom;
import org.leain.sim.cosmology.LuminosityDistance;
import org.leain.sim.prior.Theta;

/**
 * The noise-free SED of a DCBH and its host as NIRSpec PRISM sees it, on {@link SpectralGrid}.
 *
 * <p>Rest frame: L_nu = disc ({@link AccretionDisc}) + stars ({@link HostGalaxy}) + lines
 * ({@link NebularLines}), each line a Gaussian in ln(lambda) integrated over the bin. Observed:
 * f_nu(lambda_obs) = (1+z) L_nu(lambda_obs/(1+z)) T_IGM(lambda_obs, z) / (4 pi D_L^2), with every
 * line broadened by the instrument, sigma^2 = sigma_v^2 + sigma_inst(R(lambda_obs))^2.
 *
 * <p>Symmetry: {@link #restFrameLnu} depends on z only through lambda/(1+z), so on the grid a
 * change of ln(1+z) by k bins translates it by exactly k bins. The observed flux adds the
 * documented breakers: the (1+z)/D_L^2 factor, the IGM, R(lambda_obs) and the fixed window.
 *
 * <p>Thread-safe and allocation-free: callers pass the output arrays.
 */
public final class SedModel {

  private static final double SQRT_8_LN_2 = Math.sqrt(8.0 * Math.log(2.0));
  private static final double WINDOW_SIGMAS = 7.0;

  private final SpectralGrid grid;
  private final LuminosityDistance distance;
  private final FluxErrorModel errors;
  private final double[] lambdaPowIgm;
  private final double lnHcOverK1um;

  /** The model on {@code grid} with luminosity distances from {@code distance}. */
  public SedModel(SpectralGrid grid, LuminosityDistance distance) {
    this.grid = grid;
    this.distance = distance;
    this.errors = new FluxErrorModel(grid);
    this.lambdaPowIgm = new double[grid.size()];
    for (int i = 0; i < lambdaPowIgm.length; i++) {
      lambdaPowIgm[i] = Math.pow(grid.wavelengthUm(i), IgmTransmission.EXPONENT);
    }
    this.lnHcOverK1um = Math.log(H_PLANCK * C_CM_S / (1e-4 * K_BOLTZMANN));
  }

  /** The grid. */
  public SpectralGrid grid() {
    return grid;
  }

  /**
   * Observed noise-free flux density in microjansky at every bin centre, into {@code fluxUjy}
   * (length {@link SpectralGrid#SIZE}). Theta must lie in the prior (not checked here).
   */
  public void observedFluxUjy(Theta theta, double[] fluxUjy) {
    restFrame(theta, true, fluxUjy);
    double z = theta.z();
    double dlCm = distance.luminosityDistanceMpc(z) * MPC_CM;
    double dimming = (1.0 + z) / (4.0 * Math.PI * dlCm * dlCm) / UJY_CGS;
    double lnOnePlusZ = Math.log1p(z);
    for (int i = 0; i < fluxUjy.length; i++) {
      double t = IgmTransmission.binTransmission(grid.lnEdge(i), grid.lnEdge(i + 1),
          lambdaPowIgm[i], lnOnePlusZ);
      fluxUjy[i] *= dimming * t;
    }
  }

  /**
   * The intrinsic rest-frame L_nu (erg/s/Hz) sampled at lambda_obs/(1+z) of every bin: continuum
   * plus lines with their intrinsic widths only (no instrument, IGM or distance). This is the
   * output on which a whole-bin redshift change is an exact translation.
   */
  public void restFrameLnu(Theta theta, double[] lnu) {
    restFrame(theta, false, lnu);
  }

  /** Draws a realistic per-bin flux-error vector (microjansky) for one exposure. */
  public void drawFluxErrors(SplittableRandom random, double[] errUjy) {
    errors.draw(random, errUjy);
  }

  private void restFrame(Theta theta, boolean instrument, double[] out) {
    double lnOnePlusZ = Math.log1p(theta.z());
    double mbh = theta.mbhMsun();
    double lDisc = AccretionDisc.luminosityErgS(theta.log10MbhMsun(), theta.log10LambdaEdd());
    double tStar = AccretionDisc.temperatureScaleK(lDisc, theta.log10MbhMsun());
    double discPrefactor = lDisc / (AccretionDisc.SHAPE_INTEGRAL * K_BOLTZMANN * tStar / H_PLANCK);
    double lnYAt1um = lnHcOverK1um - Math.log(tStar);
    double qDisc = AccretionDisc.ionisingPhotonRate(lDisc, tStar, HYDROGEN_IONISATION_EV);
    double qDiscHe = AccretionDisc.ionisingPhotonRate(lDisc, tStar, HELIUM_II_IONISATION_EV);

    double logZ = theta.log10ZZsun();
    double sfr = HostGalaxy.starFormationRate(theta.log10MhaloMsun(), theta.log10J21());
    double luv = HostGalaxy.uvLuminosity(sfr);
    double fnuSlope = HostGalaxy.uvSlope(logZ) + 2.0;
    double qStars = HostGalaxy.hydrogenIonisingRate(sfr, logZ);
    double qStarsHe = HostGalaxy.heliumIonisingRate(qStars, logZ);

    double lnLymanLimitObs = HostGalaxy.LN_LYMAN_LIMIT_UM + lnOnePlusZ;
    for (int i = 0; i < out.length; i++) {
      double lnRest = grid.lnWavelength(i) - lnOnePlusZ;
      double stars = 0.0;
      double above = 1.0
          - IgmTransmission.fractionBelow(lnLymanLimitObs, grid.lnEdge(i), grid.lnEdge(i + 1));
      if (above > 0.0) {
        stars = above * HostGalaxy.lnu(lnRest, luv, fnuSlope);
      }
      out[i] = AccretionDisc.lnu(lnRest, lnYAt1um, discPrefactor) + stars;
    }

    double halphaBroad = HALPHA_PER_PHOTON_ERG * COVERING_FACTOR * qDisc;
    double hbetaBroad = halphaBroad / HALPHA_OVER_HBETA;
    double heiiBroad = HEII_PER_PHOTON_ERG * COVERING_FACTOR * qDiscHe;
    double halphaNarrow = HALPHA_PER_PHOTON_ERG * qStars;
    double hbetaNarrow = halphaNarrow / HALPHA_OVER_HBETA;
    double oiii5008 = Math.pow(10.0, log10Oiii5008OverHbeta(logZ))
        * (hbetaNarrow + NARROW_LINE_REGION_SHARE * hbetaBroad);
    double sigmaBroad = NebularLines.broadFwhmKmS(mbh, halphaBroad) / C_KM_S / SQRT_8_LN_2;
    double sigmaNarrow = NARROW_FWHM_KM_S / C_KM_S / SQRT_8_LN_2;

    addLine(out, LYA_UM, LYA_OVER_HALPHA * halphaBroad, sigmaBroad, lnOnePlusZ, instrument);
    addLine(out, CIV_UM, civOverHeii(logZ) * heiiBroad, sigmaBroad, lnOnePlusZ, instrument);
    addLine(out, HEII_UM, heiiBroad, sigmaBroad, lnOnePlusZ, instrument);
    addLine(out, HBETA_UM, hbetaBroad, sigmaBroad, lnOnePlusZ, instrument);
    addLine(out, HALPHA_UM, halphaBroad, sigmaBroad, lnOnePlusZ, instrument);
    addLine(out, LYA_UM, LYA_OVER_HALPHA * halphaNarrow, sigmaNarrow, lnOnePlusZ, instrument);
    addLine(out, HEII_UM, HEII_PER_PHOTON_ERG * qStarsHe, sigmaNarrow, lnOnePlusZ, instrument);
    addLine(out, HBETA_UM, hbetaNarrow, sigmaNarrow, lnOnePlusZ, instrument);
    addLine(out, OIII4960_UM, oiii5008 / OIII_DOUBLET_RATIO, sigmaNarrow, lnOnePlusZ, instrument);
    addLine(out, OIII5008_UM, oiii5008, sigmaNarrow, lnOnePlusZ, instrument);
    addLine(out, HALPHA_UM, halphaNarrow, sigmaNarrow, lnOnePlusZ, instrument);
  }

  /**
   * Adds a line of luminosity {@code lumErgS} at rest wavelength {@code restUm}, Gaussian in
   * ln(lambda) with intrinsic sigma, as the bin-averaged rest-frame L_nu = L p / nu.
   */
  private void addLine(double[] out, double restUm, double lumErgS, double sigmaIntrinsic,
      double lnOnePlusZ, boolean instrument) {
    if (!(lumErgS > 0.0)) {
      return;
    }
    double centre = Math.log(restUm) + lnOnePlusZ;
    double sigma = sigmaIntrinsic;
    if (instrument) {
      double sInst = PrismResolution.sigmaLn(Math.exp(centre));
      sigma = Math.sqrt(sigmaIntrinsic * sigmaIntrinsic + sInst * sInst);
    }
    double step = grid.lnStep();
    double lnMin = grid.lnEdge(0);
    int first = (int) Math.floor((centre - WINDOW_SIGMAS * sigma - lnMin) / step);
    int last = (int) Math.floor((centre + WINDOW_SIGMAS * sigma - lnMin) / step);
    if (last < 0 || first >= grid.size()) {
      return;
    }
    first = Math.max(first, 0);
    last = Math.min(last, grid.size() - 1);
    double invSigma = 1.0 / sigma;
    double scale = lumErgS / (step * C_UM_S * Math.exp(lnOnePlusZ));
    double cdfLo = GaussianCdfTable.cdf((grid.lnEdge(first) - centre) * invSigma);
    for (int i = first; i <= last; i++) {
      double cdfHi = GaussianCdfTable.cdf((grid.lnEdge(i + 1) - centre) * invSigma);
      out[i] += scale * (cdfHi - cdfLo) * grid.wavelengthUm(i);
      cdfLo = cdfHi;
    }
  }
}
