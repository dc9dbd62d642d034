/**
 * The synthetic input of a load test: {@code A} active GW candidates with mock multi-order skymaps
 * of a chosen 90% area, and a stream of spectra placed inside their regions ({@code K} consecutive
 * spectra per alert, cycling through the alerts) or, for a chosen fraction, outside every region.
 *
 * <p>Every mock skymap is a von Mises-Fisher density on the sphere, {@code p(n) ∝ exp(kappa n·c)},
 * whose 90% credible region is a cap of area {@code A90 = 2 pi ln(10) / kappa} (for kappa >> 1),
 * pixelated as a NUNIQ multi-order map: pixels are refined down to a fine order only near the
 * centre (within the 99.99% cap), so a 30 deg^2 map has about ten thousand rows, like a BAYESTAR
 * map. Spectra are placed so that the expected answer is unambiguous whatever the pixelation: an
 * "inside" spectrum lies within the 50% cap of its alert and is never in the band between the 50%
 * and 99.9% caps of any other alert; an "outside" spectrum lies beyond the 99.9% cap of every
 * alert. With the app's default threshold (searched probability at most 0.9) the set of expected
 * posteriors of each spectrum is therefore known exactly, which lets the load test count missing,
 * duplicate and unexpected posteriors.
 *
 * <p>Spectra carry SEDs from the simulator ({@code org.leain.sim}: DCBH prior draws on the PRISM grid
 * with noise), a pool of them simulated once at start and reused with each spectrum's own id and
 * position. GW candidates carry no strain segment (SED-only posteriors), and the mock skymaps are
 * built here because the simulator's {@code MockLocalization} holds a map but has no builder yet.
 *
 * <p>Everything is a pure function of a seed and the spectrum's index, so a spectrum can be built at
 * its send time without storing the feed.
 */
package org.leain.load.feed;
