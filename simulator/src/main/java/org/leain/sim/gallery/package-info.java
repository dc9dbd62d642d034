/**
 * PNG galleries (XChart) of simulated spectra and strains, beside the real UNCOVER 45924 PRISM
 * spectrum, for judging the simulator's realism by eye.
 */
package org.leain.sim.gallery;
