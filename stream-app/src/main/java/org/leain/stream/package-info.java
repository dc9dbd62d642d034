/**
 * The LEAIN stream app: {@link org.leain.stream.LeainTopology} builds the one topology (normaliser,
 * sky join, inference, sinks), {@link org.leain.stream.StreamsSettings} the Kafka Streams properties
 * (exactly-once v2, low commit interval, large records, dead-letter handlers), and
 * {@code LeainApp} runs it with the HTTP endpoints.
 */
package org.leain.stream;
