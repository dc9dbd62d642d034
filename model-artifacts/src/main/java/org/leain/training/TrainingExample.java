package org.leain.training;

/**
 * One noise-free training example on the model's grids: SED flux and its error (uJy) with the
 * window mask, whitened strain (channel-major) with its mask (null strain: no GW data), the 7 output
 * parameters, and the frames LEAIN should find (eta = ln(1+z), ln M_det / Msun).
 */
public record TrainingExample(
    float[] fluxUjy,
    float[] fluxErrUjy,
    float[] sedMask,
    float[] strain,
    float[] strainMask,
    double[] theta,
    double eta,
    double lnMassDet) {}
