/**
 * The LVK alert normaliser: raw {@code igwn.gwalert} notices (JSON as GCN serves them, Avro as
 * SCiMMA serves them; the format is sniffed) become versioned {@code GwCandidate} records keyed by
 * superevent id on {@code leain.gw.candidates}.
 *
 * <p>LVK notices carry no version number and arrive out of order (retries, mirrors, several
 * upstream partitions), so the normaliser keeps one small state per superevent and assigns the
 * version itself ({@code NoticeVersioning}): EARLYWARNING &lt; PRELIMINARY &lt; INITIAL &lt; UPDATE,
 * then {@code time_created}, then arrival; an older notice never replaces a newer one, a redelivery
 * of the current notice changes nothing, and RETRACTION is sticky. The state lives in a changelogged
 * store on a repartition by superevent id, so the decision is exactly-once with the output.
 */
package org.leain.stream.lvk;
