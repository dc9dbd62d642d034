package org.leain.contracts.kafka;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.AvroCodec;

/**
 * Kafka serdes for the contracts, in Avro single-object encoding. {@code null} maps to
 * {@code null} both ways (tombstones); an unreadable value throws
 * {@link org.leain.contracts.wire.UnreadablePayloadException}. Each call returns a new serde
 * over a new codec with the default payload cap; serdes are thread-safe.
 */
public final class ContractSerdes {

    private ContractSerdes() {
    }

    /** Serde for {@code leain.gw.candidates}. */
    public static Serde<GwCandidate> gwCandidate() {
        return serde(AvroCodec.of(GwCandidate.class));
    }

    /** Serde for {@code leain.jwst.spectra}. */
    public static Serde<Spectrum> spectrum() {
        return serde(AvroCodec.of(Spectrum.class));
    }

    /** Serde for {@code leain.associations}. */
    public static Serde<Association> association() {
        return serde(AvroCodec.of(Association.class));
    }

    /** Serde for {@code leain.posteriors}. */
    public static Serde<DcbhPosterior> dcbhPosterior() {
        return serde(AvroCodec.of(DcbhPosterior.class));
    }

    /** Serde for {@code leain.dlq}. */
    public static Serde<DeadLetter> deadLetter() {
        return serde(AvroCodec.of(DeadLetter.class));
    }

    /** Serde over any codec (e.g. one with another payload cap). */
    public static <T extends SpecificRecord> Serde<T> serde(AvroCodec<T> codec) {
        Serializer<T> serializer = (topic, value) -> value == null ? null : codec.encode(value);
        Deserializer<T> deserializer = (topic, bytes) -> bytes == null ? null : codec.decode(bytes);
        return Serdes.serdeFrom(serializer, deserializer);
    }
}
