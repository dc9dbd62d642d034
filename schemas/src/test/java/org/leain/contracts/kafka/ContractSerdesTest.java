package org.leain.contracts.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leain.contracts.ContractExamples;
import org.leain.contracts.wire.AvroCodec;
import org.leain.contracts.wire.UnreadablePayloadException;

class ContractSerdesTest {

    static Stream<Arguments> serdes() {
        return Stream.of(
                Arguments.of("gwCandidate", (Supplier<Serde<?>>) ContractSerdes::gwCandidate, ContractExamples.gwCandidate()),
                Arguments.of("spectrum", (Supplier<Serde<?>>) ContractSerdes::spectrum, ContractExamples.spectrum()),
                Arguments.of("association", (Supplier<Serde<?>>) ContractSerdes::association, ContractExamples.association()),
                Arguments.of("dcbhPosterior", (Supplier<Serde<?>>) ContractSerdes::dcbhPosterior, ContractExamples.dcbhPosterior()),
                Arguments.of("deadLetter", (Supplier<Serde<?>>) ContractSerdes::deadLetter, ContractExamples.deadLetter()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serdes")
    @SuppressWarnings("unchecked")
    <T extends SpecificRecord> void serde_roundTripsTheRecordAsSingleObjectBytes(String name, Supplier<Serde<T>> factory, T example) {
        try (Serde<T> serde = factory.get()) {
            byte[] bytes = serde.serializer().serialize("topic", example);

            assertArrayEquals(AvroCodec.of((Class<T>) example.getClass()).encode(example), bytes);
            assertEquals(example, serde.deserializer().deserialize("topic", bytes));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serdes")
    <T extends SpecificRecord> void serde_mapsNullToNullBothWays_forTombstones(String name, Supplier<Serde<T>> factory, T example) {
        try (Serde<T> serde = factory.get()) {
            assertNull(serde.serializer().serialize("topic", null));
            assertNull(serde.deserializer().deserialize("topic", null));
        }
    }

    @Test
    void deserializer_ofJsonBytes_throwsUnreadablePayloadWithWrongMarker() {
        byte[] json = "{\"superevent_id\": \"S1\"}".getBytes(StandardCharsets.UTF_8);
        UnreadablePayloadException e = assertThrows(UnreadablePayloadException.class,
                () -> ContractSerdes.gwCandidate().deserializer().deserialize("leain.gw.candidates", json));
        assertEquals(UnreadablePayloadException.Kind.WRONG_MARKER, e.kind());
    }

    @Test
    void deserializer_ofEmptyBytes_isEmptyNotATombstone() {
        UnreadablePayloadException e = assertThrows(UnreadablePayloadException.class,
                () -> ContractSerdes.spectrum().deserializer().deserialize("leain.jwst.spectra", new byte[0]));
        assertEquals(UnreadablePayloadException.Kind.EMPTY, e.kind());
    }
}
