/**
 * LEAIN's load test: {@code leain loadtest} ({@link org.leain.load.LoadTestCommand}) measures the
 * stream app's latency and throughput under a constant, open-loop load.
 *
 * <p>What is measured: for each spectrum, the time from its <em>intended</em> send time to the
 * moment its posterior becomes visible to a read_committed consumer of {@code leain.posteriors} —
 * what a downstream astronomer's client would wait — recorded in an HdrHistogram, plus the stages
 * from the posterior's own timestamps. Measuring from the intended rather than the actual send time
 * avoids coordinated omission (see {@link org.leain.load.schedule}); comparing the achieved with the
 * target rate shows when the generator itself fell behind.
 *
 * <p>Isolation: the app runs as child processes (the {@code ./leain run} command), never in this
 * JVM; the embedded broker is a child JVM too (unless {@code --bootstrap-servers} names a cluster).
 * On a shared 2-core machine, the generator, the broker and the app still compete for CPU: results
 * are benchmarks of that whole setup, and RESULTS.md states the machine.
 *
 * <p>Packages: {@link org.leain.load.feed} (what is sent), {@link org.leain.load.schedule} (when),
 * {@link org.leain.load.measure} (latency, counts, reports), {@link org.leain.load.app} (the app
 * processes).
 */
package org.leain.load;
