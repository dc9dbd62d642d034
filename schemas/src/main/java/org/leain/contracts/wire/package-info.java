/**
 * The wire format of LEAIN's contracts: Avro single-object encoding, the store of released
 * schema versions, and the decoding limits.
 *
 * <p>A payload is {@code C3 01} (marker), then the 8-byte little-endian CRC-64-AVRO fingerprint
 * of the writer schema's parsing canonical form, then the Avro binary body. A reader looks the
 * fingerprint up among every released version of the record ({@link ReleasedSchemas}) and
 * decodes the body with Avro schema resolution into the current generated class, so payloads
 * written by older releases stay readable. Consumers whose Avro library has no single-object
 * decoder (Debian's python3-avro 1.11) strip the 10-byte header and look the fingerprint up in
 * the module's {@code fingerprints.json}.
 *
 * <p>Every way a payload can be unreadable ends in one exception,
 * {@link UnreadablePayloadException}, whose {@link UnreadablePayloadException.Kind} says which.
 * A hostile length prefix cannot make the decoder allocate gigabytes: see {@link DecodingLimits}.
 */
package org.leain.contracts.wire;
