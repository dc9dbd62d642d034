package org.leain.posterior;

/**
 * A whitened strain on the model's strain grid (see the manifest's strain grid): channel-major
 * values (channels * samples; TDI A then E) and a per-sample validity mask.
 */
public record StrainArrays(float[] whitenedStrain, boolean[] mask) {}
