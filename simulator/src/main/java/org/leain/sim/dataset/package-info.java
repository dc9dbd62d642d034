/**
 * Training datasets: a compact little-endian binary format ({@link
 * org.leain.sim.dataset.DatasetFormat}) of theta plus noise-free signals and error vectors, a
 * streaming writer and a random-access reader, and a deterministic parallel generator. Noise is
 * drawn afresh each epoch from the likelihood's own noise model, which is exact and keeps files
 * small (10.8 kB per event).
 */
package org.leain.sim.dataset;
