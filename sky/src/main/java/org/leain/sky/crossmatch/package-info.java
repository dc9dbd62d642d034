/**
 * Crossmatch of a sky position (and optionally a redshift) with a GW sky map, with the definitions
 * of ligo.skymap's {@code ligo.skymap.postprocess.crossmatch} so that an astronomer gets the same
 * figures:
 *
 * <ul>
 *   <li>pixels sorted by descending probability density; cumulative probability ({@code dP =
 *       density * area}) and cumulative area include the current pixel;
 *   <li>the target's pixel is found by its NESTED index at the map's maximum order;
 *       {@code searched_prob} and {@code searched_area} are the cumulative values at that pixel;
 *   <li>{@code offset} is the angle from the target to the centre of the maximum-density pixel;
 *   <li>credible areas (50%, 90%) interpolate cumulative area linearly against cumulative probability
 *       ({@code np.interp(p, cumprob, cumarea, left=0, right=4 pi)}); the LVK/GCN recipe (the area of
 *       the pixels before {@code searchsorted(cumprob, p)}) is reported beside them, named as such;
 *   <li>distance: the pixel's ansatz parameters DISTMU, DISTSIGMA, DISTNORM and the ansatz's moments
 *       (distmean, diststd); with a redshift, {@code r = D_L(z)} in Planck18, the distance density
 *       {@code p(r|n)} and the volume density {@code probdensity * p(r|n) / r^2} (Mpc^-3);
 *   <li>the RAVEN sky overlap for a point source, {@code 4 pi * probdensity}.
 * </ul>
 */
package org.leain.sky.crossmatch;
