/**
 * Inference on every accepted association: the posterior network behind the small
 * {@link org.leain.stream.inference.InferenceEngine} interface, so the topology does not depend on
 * how the model runs.
 *
 * <p>A predictor is not thread-safe and is costly to create, so there is one engine per stream
 * thread ({@code PerThreadEngines}): a task's processor acquires its thread's engine in
 * {@code init()} and releases it in {@code close()}; the last release closes it. A failure of the
 * model on one record is a dead letter (reason MODEL_FAILURE) through the configured processing
 * exception handler, never a crash loop. Withdrawals become tombstones on the posteriors topic.
 *
 * <h2>Micro-batching</h2>
 * With {@code inference.batch.max.records} N &gt; 1, accepted associations are not inferred on
 * arrival but put in the buffer store {@code leain-inference-buffer} (RocksDB, changelogged, keyed by
 * a zero-padded arrival sequence number so the store's order is arrival order). The buffer is flushed
 * when it holds N records, on a wall-clock punctuation every {@code inference.batch.max.wait} (so a
 * quiet stream does not hold a record back longer than that), and before any withdrawal (a tombstone
 * must follow the posterior of its key). No stream-time punctuation: stream time only moves when a
 * record arrives, and every arrival already checks the size. A flush runs the whole buffer through
 * {@link org.leain.stream.inference.InferenceEngine#inferBatch} (one forward pass of the network),
 * forwards each posterior with the buffered record's key, timestamp and headers, forwards a dead
 * letter (reason MODEL_FAILURE, origin = the buffered record's input topic, partition and offset) for
 * each record the model failed on, and deletes the flushed entries. Each posterior's timings are
 * honest: inference_start is the flush, so the time spent buffered shows in the join-&gt;inference
 * stage, and the inference stage is the batch's duration.
 *
 * <p><b>Why this is exactly-once.</b> Under {@code exactly_once_v2} everything a task does between two
 * commits (output records, changelog writes of its stores, consumed offsets) goes into one Kafka
 * transaction, and Kafka Streams commits only between calls of {@code process()} and
 * {@code punctuate()}, never inside one. Buffering a record writes its entry to the buffer changelog
 * in the same transaction as the consumption of its input offset; a flush writes the posteriors, the
 * dead letters and the buffer deletions (changelog tombstones) in one transaction too. So at every
 * commit a record is in exactly one place: its input not yet consumed, or in the buffer, or emitted.
 * After a crash the uncommitted transaction is aborted (read_committed consumers never see its
 * outputs), the buffer is restored from its changelog as of the last commit, the input is re-read
 * from the last committed offset, and the restored entries are flushed by the next punctuation or
 * arrival: nothing is lost or emitted twice. Re-running a batch gives the same posteriors because
 * samples are seeded by association and alert version. A buffer left by a run with batching is still
 * flushed after batching is turned off (the store always exists).
 *
 * <p>Batching pays only when the forward pass dominates and records arrive together; see
 * stream-app/RESULTS.md for the measured throughput with and without it.
 */
package org.leain.stream.inference;
