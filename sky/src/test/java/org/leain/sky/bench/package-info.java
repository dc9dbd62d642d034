/**
 * JMH benchmarks of the sky module (run with {@link org.leain.sky.bench.SkyBenchmarks#main}; see
 * sky/RESULTS.md for the command and the figures): reading and indexing the real 19,200-row map,
 * one crossmatch query on an indexed map, and the order-6 covering cells of a synthetic
 * ~4,000 deg^2 90% region.
 */
package org.leain.sky.bench;
