/**
 * Mock GW localizations for simulated events: a multi-order (NUNIQ, nested) HEALPix map with a
 * von Mises-Fisher sky density of a drawn 90% area and the LVK distance ansatz whose moments match
 * the true luminosity distance and its uncertainty. Built on the sky module's HEALPix and skymap
 * types ({@link org.leain.sim.localization.MockLocalization#toSkymap}).
 */
package org.leain.sim.localization;
