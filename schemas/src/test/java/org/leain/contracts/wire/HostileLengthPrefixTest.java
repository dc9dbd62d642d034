package org.leain.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.SystemLimitException;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leain.contracts.ContractExamples;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.wire.UnreadablePayloadException.Kind;

/**
 * Payloads of a few dozen bytes whose length prefixes claim ~2 billion items or bytes. Without
 * limits Avro would allocate the claimed size (8 GB for 2e9 floats) before finding the bytes missing.
 */
class HostileLengthPrefixTest {

    private static final long TWO_BILLION = 2_000_000_000L;
    /** Allocation allowed while refusing a hostile payload (the claimed sizes are 2-16 GB). */
    private static final long MAX_ALLOCATED_BYTES = 16L << 20;

    private interface Body {
        void write(BinaryEncoder out) throws IOException;
    }

    static Stream<Arguments> hostilePayloads() {
        return Stream.of(
                Arguments.of("DcbhPosterior.samples claims 2e9 floats", DcbhPosterior.class, (Body) out -> {
                    posteriorPrefix(out);
                    out.writeLong(0); // parameters: empty
                    out.writeLong(0); // mixture: empty
                    out.writeLong(0); // summaries: empty
                    out.writeInt(1000); // n_samples
                    out.writeInt(6); // n_params
                    out.writeLong(TWO_BILLION); // samples: block of 2e9 floats
                }),
                Arguments.of("DcbhPosterior.parameters claims 2e9 records", DcbhPosterior.class, (Body) out -> {
                    posteriorPrefix(out);
                    out.writeLong(TWO_BILLION);
                }),
                Arguments.of("DcbhPosterior.association_id claims a 2 GB string", DcbhPosterior.class, (Body) out ->
                        out.writeLong(TWO_BILLION)),
                Arguments.of("DeadLetter.raw_bytes claims 2 GB", DeadLetter.class, (Body) out -> {
                    out.writeEnum(0); // reason_code
                    out.writeString("r");
                    out.writeIndex(0); // error_class: null
                    out.writeString("igwn.gwalert");
                    out.writeInt(0);
                    out.writeLong(1);
                    out.writeIndex(0); // origin_timestamp_ms: null
                    out.writeIndex(0); // origin_key: null
                    out.writeLong(TWO_BILLION); // raw_bytes length
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePayloads")
    <T extends SpecificRecord> void decode_ofHostileLengthPrefix_failsFastWithoutBigAllocation(
            String what, Class<T> type, Body body) throws IOException {
        AvroCodec<T> codec = AvroCodec.of(type);
        byte[] payload = payload(codec, body);
        assertTrue(payload.length < 200, "hostile payloads are tiny: " + payload.length);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        UnreadablePayloadException e = assertThrows(UnreadablePayloadException.class, () -> codec.decode(payload));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(Kind.LIMIT_EXCEEDED, e.kind(), e.getMessage());
        assertTrue(allocated < MAX_ALLOCATED_BYTES, "Expected < 16 MiB allocated. Actual: " + allocated + " bytes");
        assertTrue(elapsedMs < 1000, "Expected to fail fast. Actual: " + elapsedMs + " ms");
    }

    @Test
    void limits_afterACodecExists_areTheDocumentedValuesAndEnforced() {
        AvroCodec.of(GwCandidate.class);
        assertEquals(Integer.toString(DecodingLimits.MAX_COLLECTION_ITEMS),
                System.getProperty(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY));
        assertEquals(Integer.toString(DecodingLimits.MAX_BYTES_LENGTH),
                System.getProperty(SystemLimitException.MAX_BYTES_LENGTH_PROPERTY));
        assertEquals(Integer.toString(DecodingLimits.MAX_STRING_LENGTH),
                System.getProperty(SystemLimitException.MAX_STRING_LENGTH_PROPERTY));
        assertThrows(SystemLimitException.class, () -> SystemLimitException.checkMaxCollectionLength(DecodingLimits.MAX_COLLECTION_ITEMS + 1L));
        assertThrows(SystemLimitException.class, () -> SystemLimitException.checkMaxBytesLength(DecodingLimits.MAX_BYTES_LENGTH + 1L));
        assertThrows(SystemLimitException.class, () -> SystemLimitException.checkMaxStringLength(DecodingLimits.MAX_STRING_LENGTH + 1L));
    }

    /** Order 7 covers the sphere with 12 * 4^7 = 196,608 pixels: the size of a large real multi-order map. */
    @Test
    void decode_admitsACandidateWithA196608PixelSkymap() {
        int pixels = 12 * (1 << 14);
        List<Long> uniq = new ArrayList<>(pixels);
        List<Double> density = new ArrayList<>(pixels);
        List<Double> distance = new ArrayList<>(pixels);
        double areaSr = Math.PI / 3 / (1 << 14);
        for (int i = 0; i < pixels; i++) {
            uniq.add(4L * (1L << 14) + i);
            density.add(1.0 / (pixels * areaSr));
            distance.add(100.0 + i * 1e-3);
        }
        MultiOrderSkymap big = MultiOrderSkymap.newBuilder(ContractExamples.order1Skymap())
                .setUniq(uniq).setProbdensityPerSr(density).setDistmuMpc(distance).setDistsigmaMpc(distance)
                .setDistnormPerMpc2(distance).setMaxOrder(7).build();
        GwCandidate candidate = GwCandidate.newBuilder(ContractExamples.gwCandidate()).setSkymap(big).build();
        AvroCodec<GwCandidate> codec = AvroCodec.of(GwCandidate.class);

        byte[] payload = codec.encode(candidate);
        GwCandidate decoded = codec.decode(payload);

        assertTrue(payload.length > 6_000_000 && payload.length < AvroCodec.DEFAULT_MAX_PAYLOAD_BYTES, "size " + payload.length);
        assertEquals(pixels, decoded.getSkymap().getUniq().size());
        assertEquals(candidate.getSkymap().getDistmuMpc().get(pixels - 1), decoded.getSkymap().getDistmuMpc().get(pixels - 1));
    }

    /** A DcbhPosterior payload whose samples array claims 2e9 floats (8 GB). */
    static byte[] posteriorClaimingTwoBillionSamples(AvroCodec<DcbhPosterior> codec) throws IOException {
        return payload(codec, (Body) hostilePayloads().findFirst().orElseThrow().get()[2]);
    }

    private static void posteriorPrefix(BinaryEncoder out) throws IOException {
        out.writeString("MS181101ab|s1");
        out.writeString("MS181101ab");
        out.writeString("s1");
        out.writeInt(1);
        out.writeString("leain-v1");
        out.writeString("1");
        out.writeString("0".repeat(64));
    }

    private static byte[] payload(AvroCodec<?> codec, Body body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] header = java.util.Arrays.copyOf(encodedExampleOf(codec), AvroCodec.HEADER_BYTES);
        bytes.write(header);
        BinaryEncoder out = EncoderFactory.get().directBinaryEncoder(bytes, null);
        body.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] encodedExampleOf(AvroCodec codec) {
        String name = codec.readerSchema().getName();
        return codec.encode(ContractExamples.all().get(name));
    }
}
