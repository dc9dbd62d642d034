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
 * <p>Micro-batching (buffering in a changelogged store, flushing by punctuation and size) is not
 * implemented: batch-1 inference is ~0.5 ms here, below the commit interval.
 */
package org.leain.stream.inference;
