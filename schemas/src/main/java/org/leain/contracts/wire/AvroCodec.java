package org.leain.contracts.wire;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SystemLimitException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.leain.contracts.wire.UnreadablePayloadException.Kind;

/**
 * Encodes one contract record type to Avro single-object bytes and decodes them back.
 *
 * <p>Wire format ({@code byte[]}): {@code C3 01}, the writer schema's CRC-64-AVRO fingerprint
 * as 8 bytes little-endian, the Avro binary body. {@link #encode} always writes the current
 * schema of {@code T}. {@link #decode} accepts any released version of {@code T} (found in
 * {@link ReleasedSchemas}) and resolves it into the current class; it rejects anything else with
 * {@link UnreadablePayloadException}, including payloads over {@link #maxPayloadBytes()} and
 * bytes left over after the body. The bytes agree with Avro's own {@code BinaryMessageEncoder}
 * and {@code BinaryMessageDecoder}.
 *
 * <p>Thread-safe; create one per record type and share it.
 *
 * @param <T> the generated contract class
 */
public final class AvroCodec<T extends SpecificRecord> {

    /** Default maximum payload size: 8 MiB (GCN allows 4 MiB notices; a GwCandidate carries the decoded map besides). */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 8 << 20;

    /** Length of the single-object header: 2 marker bytes and 8 fingerprint bytes. */
    public static final int HEADER_BYTES = 10;

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final Class<T> type;
    private final Schema readerSchema;
    private final long readerFingerprint;
    private final SpecificData model;
    private final SpecificDatumWriter<T> writer;
    private final int maxPayloadBytes;
    private final Map<Long, DatumReader<T>> readersByWriterFingerprint = new ConcurrentHashMap<>();

    private AvroCodec(Class<T> type, int maxPayloadBytes) {
        if (maxPayloadBytes < HEADER_BYTES) {
            throw new IllegalArgumentException("Expected maxPayloadBytes >= " + HEADER_BYTES + ". Actual: " + maxPayloadBytes);
        }
        DecodingLimits.apply();
        this.type = type;
        this.model = SpecificData.getForClass(type);
        this.readerSchema = model.getSchema(type);
        this.readerFingerprint = ReleasedSchemas.fingerprint(readerSchema);
        this.writer = new SpecificDatumWriter<>(readerSchema, model);
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** A codec for {@code type} refusing payloads over {@link #DEFAULT_MAX_PAYLOAD_BYTES}. */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type) {
        return of(type, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    /** A codec for {@code type} refusing payloads over {@code maxPayloadBytes} (at least {@value #HEADER_BYTES}). */
    public static <T extends SpecificRecord> AvroCodec<T> of(Class<T> type, int maxPayloadBytes) {
        return new AvroCodec<>(Objects.requireNonNull(type, "type"), maxPayloadBytes);
    }

    /** The schema {@link #encode} writes and {@link #decode} resolves into (the generated class's). */
    public Schema readerSchema() {
        return readerSchema;
    }

    /** Largest payload {@link #decode} accepts, in bytes. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    /** Single-object bytes of {@code record}, written with the current schema. */
    public byte[] encode(T record) {
        Objects.requireNonNull(record, "record");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        out.write(MARKER_0);
        out.write(MARKER_1);
        for (int i = 0; i < 8; i++) {
            out.write((int) (readerFingerprint >>> (8 * i)));
        }
        try {
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Expected to encode " + type.getSimpleName() + ". Actual: " + e, e);
        }
        return out.toByteArray();
    }

    /**
     * The record in {@code payload}, resolved from its writer version into the current class.
     *
     * @throws UnreadablePayloadException for null, empty, oversize, wrong marker, unknown or
     *     foreign fingerprint, truncated or corrupt bytes, or a length prefix over the limits
     */
    public T decode(byte[] payload) {
        if (payload == null || payload.length == 0) {
            throw unreadable(Kind.EMPTY, "expected a single-object payload", payload, null);
        }
        if (payload.length > maxPayloadBytes) {
            throw unreadable(Kind.OVERSIZE, "expected at most " + maxPayloadBytes + " bytes", payload, null);
        }
        if (payload[0] != MARKER_0 || (payload.length > 1 && payload[1] != MARKER_1)) {
            throw unreadable(Kind.WRONG_MARKER, "expected marker c3 01", payload, null);
        }
        if (payload.length < HEADER_BYTES) {
            throw unreadable(Kind.TRUNCATED, "expected a " + HEADER_BYTES + "-byte header (marker + fingerprint)", payload, null);
        }
        long fingerprint = readFingerprint(payload);
        DatumReader<T> reader = readerFor(fingerprint, payload);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(payload, HEADER_BYTES, payload.length - HEADER_BYTES, null);
        T value;
        try {
            value = reader.read(null, decoder);
            if (!decoder.isEnd()) {
                throw unreadable(Kind.CORRUPT, "expected the body to end the payload, but bytes are left over", payload, null);
            }
        } catch (EOFException e) {
            throw unreadable(Kind.TRUNCATED, "expected the complete body of " + describe(fingerprint), payload, e);
        } catch (SystemLimitException | UnsupportedOperationException e) {
            // Avro reports lengths over its configured limits with the first, over the JVM's array limit with the second.
            throw unreadable(Kind.LIMIT_EXCEEDED, "expected lengths within Avro's decoding limits (" + e.getMessage() + ")", payload, e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadablePayloadException u) {
                throw u;
            }
            throw unreadable(Kind.CORRUPT, "expected a valid body of " + describe(fingerprint) + " (" + e + ")", payload, e);
        }
        return value;
    }

    /** Lowercase hex of a fingerprint's 8 little-endian bytes, as they appear on the wire. */
    public static String fingerprintHex(long fingerprint) {
        StringBuilder hex = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            int b = (int) (fingerprint >>> (8 * i)) & 0xFF;
            hex.append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private DatumReader<T> readerFor(long fingerprint, byte[] payload) {
        DatumReader<T> cached = readersByWriterFingerprint.get(fingerprint);
        if (cached != null) {
            return cached;
        }
        Schema writerSchema;
        if (fingerprint == readerFingerprint) {
            writerSchema = readerSchema;
        } else {
            ReleasedSchemas.ReleasedSchema released = ReleasedSchemas.get().find(fingerprint);
            if (released == null) {
                throw unreadable(Kind.UNKNOWN_FINGERPRINT, "expected the fingerprint of a released " + type.getSimpleName()
                        + " schema, not " + fingerprintHex(fingerprint), payload, null);
            }
            if (!released.schema().getFullName().equals(readerSchema.getFullName())) {
                throw unreadable(Kind.WRONG_RECORD, "expected a " + type.getSimpleName() + ", not "
                        + released.recordName() + " v" + released.version(), payload, null);
            }
            writerSchema = released.schema();
        }
        DatumReader<T> reader = new SpecificDatumReader<>(writerSchema, readerSchema, model);
        readersByWriterFingerprint.put(fingerprint, reader);
        return reader;
    }

    private String describe(long fingerprint) {
        ReleasedSchemas.ReleasedSchema released = ReleasedSchemas.get().find(fingerprint);
        return released == null ? type.getSimpleName() + " (current)" : released.recordName() + " v" + released.version();
    }

    private static long readFingerprint(byte[] payload) {
        long fingerprint = 0;
        for (int i = 0; i < 8; i++) {
            fingerprint |= (payload[2 + i] & 0xFFL) << (8 * i);
        }
        return fingerprint;
    }

    private UnreadablePayloadException unreadable(Kind kind, String expectation, byte[] payload, Throwable cause) {
        return new UnreadablePayloadException(kind, type.getSimpleName(), expectation, payload, cause);
    }
}
