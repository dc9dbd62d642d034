/**
 * The gravitational-wave half of the forward model: a phenomenological inspiral-merger-ringdown
 * waveform of the seed's merger on a log-time-to-event grid, a LISA-like noise curve, whitening.
 *
 * <p>Public: {@link org.leain.sim.gw.StrainGrid} (the grid), {@link org.leain.sim.gw.GwModel}
 * (noise-free whitened signal, template and raw strain) and {@link org.leain.sim.gw.LisaNoise}
 * (the PSD description given to the network). Time is measured in units of the detector-frame
 * mass, so a mass change is a translation on the grid (DESIGN.md section 5).
 */
package org.leain.sim.gw;
