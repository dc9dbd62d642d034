/**
 * What the stream app measures and how it is exposed.
 *
 * <p>Latency is recorded per stage from the timestamps a record carries (ingestion of each input,
 * join, inference start and end, emission), so a figure always means the same span: ingest-to-join
 * (from the later of the two ingestions, the one that completed the pair), join-to-inference (the
 * wait through the re-keying hop), inference (the model call) and end-to-end (ingest to emit). Each
 * stage is an HdrHistogram {@code Recorder} (lock-free recording from the stream threads; a scrape
 * takes the interval histogram and adds it to a cumulative one), exported as a Prometheus summary
 * with quantiles, count and sum. Counters are {@code LongAdder}s. The Prometheus text never contains
 * NaN or Inf: an empty histogram exports zeros with a zero count.
 */
package org.leain.stream.metrics;
