/**
 * Interactive queries over the live join state, as JSON: the latest alert version of a superevent
 * with its associations and their posterior summaries, and the associations of a spectrum.
 *
 * <p>The stores are read through {@link org.leain.stream.query.StoreAccess} (Kafka Streams'
 * queryable stores in the app, the test driver's stores in tests). With several instances
 * ({@code kafka.application.server} = {@code host:port} of each one's HTTP endpoint) any instance
 * gives the full answer: {@code /superevents/{id}} is keyed like its stores, so the request is sent
 * to the instance owning the key ({@code KafkaStreams.queryMetadataForKey}); a spectrum's
 * associations are spread over all instances (the stores are keyed by superevent), so the request
 * is sent to every instance hosting the association store ({@code metadataForAllStreamsClients})
 * and the lists are merged. Forwarding is GET only, through {@link org.leain.stream.query.PeerClient}
 * with a bounded timeout; a forwarded request carries {@code X-Leain-Forwarded} and is answered from
 * the receiving instance's own state, so a request crosses at most one hop and cannot loop. When an
 * owner is unreachable, or unknown during a rebalance, the answer is a 503 with a JSON error rather
 * than a partial or wrong answer. JSON never holds NaN or Infinity: non-finite numbers are written
 * as null.
 */
package org.leain.stream.query;
