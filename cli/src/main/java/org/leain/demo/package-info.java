/**
 * {@code ./leain demo}: the whole system in one command, for a first look and as the end-to-end test.
 *
 * <p>It starts a real single-node Kafka broker (a child JVM, unless {@code --bootstrap-servers} names
 * a cluster), creates the LEAIN topics, starts the stream app in-process, then plays a scenario
 * ({@link org.leain.demo.ScenarioBuilder}): simulated GW candidates with mock sky maps and strain and
 * simulated JWST spectra inside and outside their 90% regions, in both arrival orders; the real LVK
 * example superevent MS181101ab (JSON and Avro notices, then its retraction) with the real UNCOVER
 * 45924 spectrum placed in its region; and bad messages. A consumer reads the outputs as a
 * downstream user would (read_committed) and prints each posterior, withdrawal and dead letter as it
 * arrives. The run has two phases because a retraction only withdraws what exists: the retraction is
 * sent once every expected posterior has arrived. The end is a summary (counts, latency per stage
 * from the posteriors' own timings) and corner plots.
 *
 * <p>Everything started is stopped on exit, by a shutdown hook on Ctrl-C too; the broker's child JVM
 * also exits by itself if this JVM dies.
 */
package org.leain.demo;
