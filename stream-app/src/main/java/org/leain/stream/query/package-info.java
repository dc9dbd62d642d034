/**
 * Interactive queries over the live join state, as JSON: the latest alert version of a superevent
 * with its associations and their posterior summaries, and the associations of a spectrum.
 *
 * <p>The stores are read through {@link org.leain.stream.query.StoreAccess} (Kafka Streams'
 * queryable stores in the app, the test driver's stores in tests). Answers cover this instance's
 * partitions: with several instances and {@code application.server} set, a superevent held elsewhere is
 * redirected to its instance ({@link org.leain.stream.query.KeyRouter}); the spectrum scan stays local. JSON
 * never holds NaN or Infinity: non-finite numbers are written as null.
 */
package org.leain.stream.query;
