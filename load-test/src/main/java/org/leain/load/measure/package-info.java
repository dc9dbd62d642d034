/**
 * Measuring a load test: end-to-end latency from each spectrum's intended send time to the moment a
 * read_committed consumer of {@code leain.posteriors} sees its posterior, per-stage latencies from
 * the posterior's own timestamps, counts (missing, duplicate, unexpected posteriors, dead letters,
 * errors), and the reports: a summary table, a JSON summary, HdrHistogram interval logs and a
 * percentile-distribution plot.
 *
 * <p>Units: histograms record microseconds (end-to-end from {@link System#nanoTime()}, stages from
 * the millisecond wall-clock timestamps in {@code PosteriorTimings}, so stages resolve 1 ms);
 * reports show milliseconds. The stages, in order, partition the end-to-end time of a posterior:
 * produce (intended send to spectrum ingestion), join (the later ingestion to the association
 * decision), queue (decision to inference start), inference, emit (inference end to the record
 * handed to the producer) and deliver (handed to the producer to visible to a read_committed
 * consumer, which includes waiting for the transaction's commit). Under exactly-once the
 * commit interval shows up in join (repartition hops) and deliver.
 *
 * <p>The interval log is HdrHistogram's log format ({@code HistogramLogWriter}), one histogram per
 * second, readable by {@code HistogramLogProcessor} and HdrHistogram's online plotter; the values
 * are microseconds, written with a unit ratio of 1000 so the tools show milliseconds.
 */
package org.leain.load.measure;
