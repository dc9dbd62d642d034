package org.leain.stream.shadow;

/**
 * Makes one injection: parameters drawn from the prior, input records simulated from them. A pure
 * function of its arguments (so a replayed punctuation makes the same injection). The production
 * one is {@link #standard()}; tests may give a toy problem whose exact posterior is known.
 */
@FunctionalInterface
public interface InjectionSimulation {

  /**
   * The injection with the given ids.
   *
   * @param supereventId id for the GW candidate (a mock id)
   * @param spectrumId id for the spectrum
   * @param seed the injection's own seed
   * @param nowMs wall-clock time of the injection, for creation times
   */
  Injection simulate(String supereventId, String spectrumId, long seed, long nowMs);

  /**
   * The DCBH simulator (org.leain.sim): theta from the prior (the model manifest's prior, checked by
   * a test), noisy PRISM SED and whitened strain, mock localization.
   */
  static InjectionSimulation standard() {
    return new SimulatorInjections();
  }
}
