package org.leain.posterior.network;

/**
 * Architecture hyper-parameters and input grids of a posterior network: everything needed to
 * rebuild the block from a manifest before loading its weights.
 *
 * @param kind "leain" or "baseline"
 * @param sedBins N, bins of the SED grid
 * @param sedLnStep ln-wavelength step of the SED grid
 * @param strainSamples M, samples of the strain grid
 * @param strainChannels data channels of the strain (e.g. 2 for TDI A and E)
 * @param strainLnStep ln-time step of the strain grid (a mass scale s shifts it by ln s)
 * @param strainOriginLnMass ln M_det at which the waveform support would start at sample 0
 * @param strainSupportBins length of the waveform support in samples (the strain canvas holds it)
 * @param etaMin ln(1 + z_min) of the prior
 * @param etaMax ln(1 + z_max) of the prior
 * @param lnMassMin smallest ln(M_det / Msun) of the prior
 * @param lnMassMax largest ln(M_det / Msun) of the prior
 * @param strainAnchor ln M_det that the strain frame reports when its score mass is centred
 * @param frameMarginBins canvas margin beyond the prior frame range, in bins
 * @param redshiftIndex index of z among the output parameters (its mean gets the frame offset)
 * @param components K, mixture components
 * @param dimension D, output parameters
 * @param frameChannels hidden channels of the frame estimators
 * @param channels hidden channels of the CNN backbones
 * @param features output features per modality
 * @param hidden width of the fusion MLP
 */
public record NetworkConfig(
    String kind,
    int sedBins,
    double sedLnStep,
    int strainSamples,
    int strainChannels,
    double strainLnStep,
    double strainOriginLnMass,
    int strainSupportBins,
    double etaMin,
    double etaMax,
    double lnMassMin,
    double lnMassMax,
    double strainAnchor,
    int frameMarginBins,
    int redshiftIndex,
    int components,
    int dimension,
    int frameChannels,
    int channels,
    int features,
    int hidden) {

  public NetworkConfig {
    if (!kind.equals("leain") && !kind.equals("baseline")) {
      throw new IllegalArgumentException("Expected kind leain or baseline. Actual: " + kind);
    }
    if (sedBins < 16 || strainSamples < 16) {
      throw new IllegalArgumentException("Expected at least 16 bins per modality. Actual: sed "
          + sedBins + ", strain " + strainSamples);
    }
    if (!(etaMax > etaMin) || !(lnMassMax > lnMassMin)) {
      throw new IllegalArgumentException("Expected non-empty frame ranges. Actual: eta [" + etaMin
          + ", " + etaMax + "], lnM [" + lnMassMin + ", " + lnMassMax + "]");
    }
  }

  /** SED canvas length: the window plus every prior redshift shift plus margins, rounded to 16. */
  public int sedCanvasBins() {
    return roundUp16(sedBins + (int) Math.ceil((etaMax - etaMin) / sedLnStep) + 2 * frameMarginBins);
  }

  /** The frame at which canvas bin {@link #frameMarginBins} reads SED bin 0. */
  public double sedCanvasReference() {
    return etaMax + frameMarginBins * sedLnStep;
  }

  /**
   * Strain canvas length: the waveform support plus margins, rounded to 16. Every mass in the
   * prior maps the support to the same canvas bins, so the canvas need not hold the whole window.
   */
  public int strainCanvasBins() {
    return roundUp16(strainSupportBins + 2 * frameMarginBins);
  }

  /** The frame at which canvas bin {@link #frameMarginBins} reads strain sample 0. */
  public double strainCanvasReference() {
    return strainOriginLnMass + frameMarginBins * strainLnStep;
  }

  private static int roundUp16(int n) {
    return (n + 15) / 16 * 16;
  }
}
