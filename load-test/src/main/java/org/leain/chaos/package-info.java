/**
 * Crash tests: nothing lost, nothing duplicated when the app is SIGKILLed or the broker restarts.
 *
 * <p>{@link org.leain.chaos.ChaosRun} starts a real single-node broker (a kept data directory on a
 * fixed port, so it can be closed and started again), starts the stream app as a child process
 * ({@code leain run}), sends the load test's mock feed (every spectrum inside exactly one GW
 * region, so each has exactly one expected posterior key {@code superevent_id|spectrum_id}), and
 * meanwhile SIGKILLs the app at random moments and restarts it (and, optionally, restarts the
 * broker). A read_committed consumer reads the output topic throughout; at the end every expected
 * key must have arrived exactly once ({@link org.leain.chaos.ChaosResult}: {@code lost} and
 * {@code duplicated} must be 0).
 *
 * <p>Recovery is bounded by two settings. A SIGKILLed member keeps its partitions until the
 * broker misses its heartbeats for {@code session.timeout.ms} (the restarted instance is a new
 * member, so its partitions move only after the old one is expelled); and the dead producer's open
 * transaction blocks read_committed readers of those partitions until the restarted instance
 * fences it (same transactional id, which Kafka Streams derives from the application id and
 * process) or, failing that, until {@code transaction.timeout.ms} aborts it. The run sets both low
 * (6 s, the broker's minimum session timeout, and 10 s) and reports the recovery it measured: the
 * time from each kill to the next committed output record.
 */
package org.leain.chaos;
