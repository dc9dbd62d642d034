/**
 * The stream app under test, as child processes: each instance is started with
 * {@code <launcher> run --bootstrap-servers HOST:PORT --http-port P --config FILE} (by default the
 * repository's {@code ./leain} launcher), never in the load generator's JVM, so the generator's
 * garbage collection and threads do not share a heap or a safepoint with the app.
 *
 * <p>Lifecycle: {@link org.leain.load.app.AppInstances#start} writes one properties file per
 * instance (a run-unique {@code application.id}, its own {@code state.dir}, plus the caller's
 * settings), starts the processes with their output in {@code app-<i>.log}, and registers a
 * shutdown hook; {@code awaitReady} waits until every instance answers 200 on {@code /ready} of its
 * HTTP port and the app's consumer group is stable with every instance as a member (the app is then
 * assigned its partitions and processing), or fails quoting the log of an instance that died; {@code close} sends SIGTERM to each process and its descendants,
 * waits, then kills what is left. It is idempotent.
 */
package org.leain.load.app;
