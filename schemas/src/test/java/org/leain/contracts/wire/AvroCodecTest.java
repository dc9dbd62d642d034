package org.leain.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leain.contracts.ContractExamples;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.UnreadablePayloadException.Kind;

class AvroCodecTest {

    private static final AvroCodec<GwCandidate> GW = AvroCodec.of(GwCandidate.class);
    private static final AvroCodec<Spectrum> SPECTRUM = AvroCodec.of(Spectrum.class);

    static Stream<SpecificRecord> examples() {
        return ContractExamples.all().values().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    <T extends SpecificRecord> void decode_ofEncodedExample_returnsAnEqualRecord(T example) {
        AvroCodec<T> codec = codecFor(example);
        assertEquals(example, codec.decode(codec.encode(example)));
    }

    @ParameterizedTest
    @MethodSource("examples")
    <T extends SpecificRecord> void encode_writesMarkerThenLittleEndianCrc64OfTheSchema(T example) {
        byte[] bytes = codecFor(example).encode(example);
        long fingerprint = SchemaNormalization.parsingFingerprint64(example.getSchema());
        byte[] expectedHeader = ByteBuffer.allocate(10).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0xC3).put((byte) 0x01).putLong(fingerprint).array();
        assertArrayEquals(expectedHeader, Arrays.copyOf(bytes, 10));
    }

    @Test
    void encode_agreesByteForByteWithAvrosBinaryMessageEncoder() throws Exception {
        DcbhPosterior posterior = ContractExamples.dcbhPosterior();
        ByteBuffer avros = DcbhPosterior.getEncoder().encode(posterior);
        byte[] expected = new byte[avros.remaining()];
        avros.get(expected);
        assertArrayEquals(expected, AvroCodec.of(DcbhPosterior.class).encode(posterior));
    }

    @Test
    void decode_ofAvrosBinaryMessageEncoderOutput_returnsTheRecord() throws Exception {
        GwCandidate candidate = ContractExamples.gwCandidate();
        ByteBuffer avros = GwCandidate.getEncoder().encode(candidate);
        byte[] bytes = new byte[avros.remaining()];
        avros.get(bytes);
        assertEquals(candidate, GW.decode(bytes));
        assertEquals(candidate, GwCandidate.getDecoder().decode(GW.encode(candidate)));
    }

    static Stream<Arguments> unreadablePayloads() {
        byte[] gw = GW.encode(ContractExamples.gwCandidate());
        byte[] spectrum = SPECTRUM.encode(ContractExamples.spectrum());
        byte[] unknownFingerprint = gw.clone();
        unknownFingerprint[5] ^= 0x5A;
        byte[] trailing = Arrays.copyOf(gw, gw.length + 1);
        return Stream.of(
                Arguments.of("null", null, Kind.EMPTY),
                Arguments.of("no bytes", new byte[0], Kind.EMPTY),
                Arguments.of("a JSON notice", "{\"alert_type\": \"UPDATE\", \"superevent_id\": \"MS181101ab\"}"
                        .getBytes(StandardCharsets.UTF_8), Kind.WRONG_MARKER),
                Arguments.of("the marker's first byte alone", new byte[] {(byte) 0xC3}, Kind.TRUNCATED),
                Arguments.of("a wrong second marker byte", new byte[] {(byte) 0xC3, 0x02, 0, 0, 0, 0, 0, 0, 0, 0}, Kind.WRONG_MARKER),
                Arguments.of("half a header", Arrays.copyOf(gw, 6), Kind.TRUNCATED),
                Arguments.of("an unknown fingerprint", unknownFingerprint, Kind.UNKNOWN_FINGERPRINT),
                Arguments.of("a Spectrum", spectrum, Kind.WRONG_RECORD),
                Arguments.of("a body cut short", Arrays.copyOf(gw, gw.length - 40), Kind.TRUNCATED),
                Arguments.of("a header without body", Arrays.copyOf(gw, 10), Kind.TRUNCATED),
                Arguments.of("a trailing byte", trailing, Kind.CORRUPT));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("unreadablePayloads")
    void decode_ofUnreadableBytes_throwsUnreadablePayloadOfTheRightKind(String what, byte[] payload, Kind kind) {
        UnreadablePayloadException e = assertThrows(UnreadablePayloadException.class, () -> GW.decode(payload));
        assertEquals(kind, e.kind(), e.getMessage());
        assertTrue(e.getMessage().startsWith("Unreadable GwCandidate payload (" + kind + "): "), e.getMessage());
        assertTrue(e.getMessage().contains("Actual: " + UnreadablePayloadException.describe(payload)), e.getMessage());
    }

    @Test
    void decode_ofABadUnionIndex_isCorrupt() {
        byte[] spectrum = SPECTRUM.encode(ContractExamples.spectrum());
        // Spectrum body: spectrum_id "a", target_name "b", ra_deg, dec_deg, then union index 7 (zigzag 14) outside [0, 1].
        byte[] badUnion = ByteBuffer.allocate(10 + 4 + 16 + 1).put(Arrays.copyOf(spectrum, 10))
                .put(new byte[] {2, 'a', 2, 'b'}).put(new byte[16]).put((byte) 14).array();
        UnreadablePayloadException e = assertThrows(UnreadablePayloadException.class, () -> SPECTRUM.decode(badUnion));
        assertEquals(Kind.CORRUPT, e.kind(), e.getMessage());
    }

    @Test
    void unreadableMessage_showsAtMostSixteenBytesInHex() {
        byte[] payload = new byte[40];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (0xA0 + i);
        }
        UnreadablePayloadException e = assertThrows(UnreadablePayloadException.class, () -> GW.decode(payload));
        assertTrue(e.getMessage().endsWith("Actual: 40 bytes starting a0 a1 a2 a3 a4 a5 a6 a7 a8 a9 aa ab ac ad ae af ..."),
                e.getMessage());
    }

    @Test
    void decode_ofPayloadOverTheCap_isOversizeWithoutReading() {
        AvroCodec<GwCandidate> small = AvroCodec.of(GwCandidate.class, 64);
        byte[] payload = GW.encode(ContractExamples.gwCandidate());
        UnreadablePayloadException e = assertThrows(UnreadablePayloadException.class, () -> small.decode(payload));
        assertEquals(Kind.OVERSIZE, e.kind());
        assertTrue(e.getMessage().contains("expected at most 64 bytes"), e.getMessage());
    }

    @Test
    void defaultCap_isEightMebibytes() {
        assertEquals(8 * 1024 * 1024, GW.maxPayloadBytes());
    }

    @Test
    void of_withCapBelowTheHeader_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AvroCodec.of(GwCandidate.class, 9));
        assertEquals("Expected maxPayloadBytes >= 10. Actual: 9", e.getMessage());
    }

    @Test
    void fingerprintHex_isTheWireBytesInOrder() {
        assertEquals("0102030405060708", AvroCodec.fingerprintHex(0x0807060504030201L));
    }

    @SuppressWarnings("unchecked")
    static <T extends SpecificRecord> AvroCodec<T> codecFor(T example) {
        return AvroCodec.of((Class<T>) example.getClass());
    }
}
