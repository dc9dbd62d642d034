/**
 * Dead letters: anything LEAIN cannot read or accept goes to {@code leain.dlq} as a
 * {@code DeadLetter} naming a reason code, a human-readable reason, the exception class and the
 * origin (topic, partition, offset, timestamp, key), with the raw value bytes cut to a configured cap
 * so that writing the dead letter can never itself fail on size.
 *
 * <p>Nothing is caught and printed by hand: processors throw (a {@link
 * org.leain.stream.dlq.DeadLetterException} carries the specific reason code; other exception types
 * are classified by {@code DeadLetterRecords}), and Kafka Streams' configured handlers
 * ({@code deserialization.exception.handler}, {@code processing.exception.handler},
 * {@code production.exception.handler}) return the dead letter through Kafka Streams 4.x's
 * dead-letter response, so it is written in the same transaction as the offsets (exactly once), and
 * the stream carries on with the next record.
 */
package org.leain.stream.dlq;
