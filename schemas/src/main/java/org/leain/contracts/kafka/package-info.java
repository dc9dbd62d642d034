/**
 * Kafka {@link org.apache.kafka.common.serialization.Serde}s for LEAIN's contracts: thin wrappers
 * around {@link org.leain.contracts.wire.AvroCodec}. A {@code null} value is a tombstone both ways
 * (compacted topics use them to withdraw associations and posteriors); any other unreadable value
 * throws {@link org.leain.contracts.wire.UnreadablePayloadException}, which a Kafka Streams
 * deserialization handler can route to the dead-letter topic.
 */
package org.leain.contracts.kafka;
