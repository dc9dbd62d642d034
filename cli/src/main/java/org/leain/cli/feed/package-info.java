/**
 * Producer commands that let users feed their own data into LEAIN.
 *
 * <p>{@code replay-lvk} publishes LVK notices (igwn.alerts.v1_0, JSON as GCN serves them or Avro as
 * SCiMMA serves them) byte for byte, in the order given, after checking that every file parses: the
 * stream app sniffs the format itself, so the feed must not re-encode anything. {@code
 * produce-spectrum} reads a JWST spectrum (msaexp {@code .spec.fits} or CSV) with the sky module's
 * reader and publishes it as a {@code Spectrum} contract record (Avro single-object encoding) keyed
 * by its spectrum id. Both wait for the broker's acknowledgement ({@code acks=all}, idempotent) and
 * print where each record landed.
 */
package org.leain.cli.feed;
