/**
 * Special functions the forward model and the likelihood need and the JDK lacks: the error
 * function (bin-integrated Gaussian line profiles, the distance ansatz) and log I0 (the
 * phase-marginalised GW likelihood).
 */
package org.leain.sim.special;
