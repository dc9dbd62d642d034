/**
 * Simulated observations as LEAIN's wire contracts: the spectrum and strain fields of a
 * {@code Spectrum} and a {@code StrainSegment}, exactly as the simulator produced them. One place,
 * because the demo, the shadow injections and anything else that puts simulated events on the
 * input topics must describe them identically (grid, channel order, masks), or the stream would
 * infer from something other than what was simulated.
 */
package org.leain.sim.records;
