/**
 * The sky join of GW candidates with spectra.
 *
 * <p>Two steps. The pre-filter re-keys both sides by HEALPix cell at one coarse join order
 * (default 6, 0.84 deg^2): a candidate fans out to the cells covering its credible region at the
 * join threshold (records carry the superevent id and version only, never the skymap), a spectrum
 * goes to the one cell holding its position. Each cell keeps both sides in window stores on
 * ingestion time (record timestamps), so whichever side arrives first waits for the other for the
 * join retention, and replays of old alerts are not late. A cell meeting both sides emits a pair
 * (superevent id, version, the spectrum).
 *
 * <p>The exact decision then happens where the current alert state lives: pairs are re-keyed by
 * superevent id into the partition holding the candidate store, and each pair is decided against
 * the candidate's CURRENT state (looked up, not raced in a stream-table join across two repartition
 * paths): searched probability at full resolution &lt;= the threshold (ligo.skymap's definition),
 * the optional physical time window, and optionally the distance gate (by default the distance
 * consistency is only reported). The association store remembers each accepted pair with its
 * alert version: a redelivered pair is a no-op, a new candidate version re-decides every stored
 * pair of its superevent (withdrawing those no longer inside with tombstones), and a retraction
 * withdraws all of them.
 *
 * <p>Hops: a spectrum crosses two repartition topics (by cell, by superevent), each at most one
 * commit interval under exactly-once.
 */
package org.leain.stream.join;
