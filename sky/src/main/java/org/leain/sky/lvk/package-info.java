/**
 * Reader of LVK public alerts (schema igwn.alerts.v1_0, topic {@code igwn.gwalert}) in the two
 * encodings they are served in: JSON as GCN Kafka serves it (skymaps as base64 FITS) and Avro as
 * SCiMMA serves it (an object container file with raw FITS bytes; a bare Avro binary body with
 * the igwn schema is also accepted). The format is sniffed: JSON starts with '{' after
 * whitespace, an Avro container with the magic {@code Obj\u0001}; anything else is tried as a bare
 * Avro body.
 *
 * <p>Every alert type is read: EARLYWARNING (also spelt EARLY_WARNING, as the schema's doc string
 * has it), PRELIMINARY, INITIAL, UPDATE and RETRACTION (whose event is null); an update with an
 * external coincidence carries a combined skymap. Superevent ids are validated
 * ({@code [A-Za-z0-9._:-]}, at most 64 characters) and classified by their first letter:
 * S = real, M = mock, T = test (anything else is rejected).
 *
 * <p>An alert is first read into the intermediate {@link org.leain.sky.lvk.LvkAlert} (skymaps
 * decoded and validated as {@link org.leain.sky.skymap.Skymap}); {@link org.leain.sky.lvk.GwCandidates}
 * converts it into the {@code org.leain.contracts.GwCandidate} record. A malformed alert raises
 * {@link org.leain.sky.lvk.InvalidAlertException} with a reason (for the dead-letter topic). Every
 * size a sender controls is bounded ({@link org.leain.sky.lvk.AlertLimits}).
 */
package org.leain.sky.lvk;
