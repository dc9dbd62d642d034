package org.leain.contracts.wire;

/**
 * The one exception for bytes that cannot be decoded into a contract record, whatever the
 * reason. {@link #kind()} says which reason; the message names the expected record, the kind,
 * what was expected, and shows the first bytes of the payload in hex (at most
 * {@value #MAX_HEX_BYTES}) so a dead letter or a log line identifies the payload.
 */
public final class UnreadablePayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Bytes of the payload shown in the message, at most. */
    public static final int MAX_HEX_BYTES = 16;

    /** Why a payload is unreadable. */
    public enum Kind {
        /** {@code null} or zero-length bytes. */
        EMPTY,
        /** Larger than the codec's configured maximum payload size. */
        OVERSIZE,
        /** Does not start with the single-object marker {@code C3 01}. */
        WRONG_MARKER,
        /** The writer-schema fingerprint is not a released version of any LEAIN record. */
        UNKNOWN_FINGERPRINT,
        /** The fingerprint is a released schema, but of another record than the one expected. */
        WRONG_RECORD,
        /** The bytes end before the header or the body is complete. */
        TRUNCATED,
        /** A length prefix exceeds Avro's decoding limits (see {@link DecodingLimits}). */
        LIMIT_EXCEEDED,
        /** The body is not valid Avro for the writer schema (bad union or enum index, negative
         *  length, trailing bytes, ...). */
        CORRUPT
    }

    private final Kind kind;

    UnreadablePayloadException(Kind kind, String recordName, String expectation, byte[] payload, Throwable cause) {
        super(message(kind, recordName, expectation, payload), cause);
        this.kind = kind;
    }

    /** Why the payload is unreadable. */
    public Kind kind() {
        return kind;
    }

    private static String message(Kind kind, String recordName, String expectation, byte[] payload) {
        return "Unreadable " + recordName + " payload (" + kind + "): " + expectation
                + ". Actual: " + describe(payload);
    }

    /** "null", "0 bytes" or "N bytes starting c3 01 ..." with at most {@value #MAX_HEX_BYTES} bytes in hex. */
    static String describe(byte[] payload) {
        if (payload == null) {
            return "null";
        }
        if (payload.length == 0) {
            return "0 bytes";
        }
        int shown = Math.min(payload.length, MAX_HEX_BYTES);
        StringBuilder text = new StringBuilder();
        text.append(payload.length).append(payload.length == 1 ? " byte" : " bytes").append(" starting");
        for (int i = 0; i < shown; i++) {
            text.append(' ').append(Character.forDigit((payload[i] >> 4) & 0xF, 16))
                    .append(Character.forDigit(payload[i] & 0xF, 16));
        }
        if (shown < payload.length) {
            text.append(" ...");
        }
        return text.toString();
    }
}
