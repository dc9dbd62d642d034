/**
 * An embedded, real Kafka broker for the demo, the load test and integration tests, and the
 * topic-creation mechanism every module uses.
 *
 * <p>{@link org.leain.broker.EmbeddedBroker} starts a single-node KRaft broker (one process that is
 * both broker and controller) in a child JVM, from the kafka_2.13 jars on the caller's class path:
 * it writes server.properties, formats the storage with {@code StorageTool.execute} (its
 * {@code main} would exit the JVM), then runs {@code kafka.Kafka}. A child process rather than an
 * in-process broker keeps the broker's ~300 threads, heap and log out of the application being
 * measured, and makes "stopped" unambiguous: the process is gone and its directory lock with it.
 * The child watches its parent (stdin EOF and pid) so that no broker outlives the JVM that started
 * it, even after SIGKILL.
 *
 * <p>One node changes some defaults: every internal topic (consumer offsets, transaction state)
 * has replication factor 1 and min.isr 1 — without the transaction-log settings an exactly-once
 * Kafka Streams application waits forever — and the first consumer-group rebalance is not delayed.
 * Topics are never created implicitly ({@code auto.create.topics.enable=false}), so a typo fails
 * instead of creating a topic with the wrong partitions; {@link org.leain.broker.TopicCreator}
 * creates them explicitly and idempotently from {@link org.leain.broker.TopicSpec}s. Records of up
 * to 8 MiB are accepted: real LVK multi-order skymaps are ~0.7-1.4 MB and GCN allows 4 MiB.
 */
package org.leain.broker;
