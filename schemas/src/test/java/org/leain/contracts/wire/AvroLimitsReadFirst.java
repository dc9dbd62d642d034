package org.leain.contracts.wire;

import org.apache.avro.SystemLimitException;
import org.leain.contracts.DcbhPosterior;

/**
 * Run in a fresh JVM by {@link DecodingLimitsTest}: Avro reads its limits (the 2^31 defaults)
 * before any codec exists, then a codec decodes a hostile payload. Prints the exception kind.
 */
public final class AvroLimitsReadFirst {

    private AvroLimitsReadFirst() {
    }

    public static void main(String[] args) throws Exception {
        SystemLimitException.checkMaxCollectionLength(5L); // initialises Avro's limits without our properties
        if (System.getProperty(SystemLimitException.MAX_COLLECTION_LENGTH_PROPERTY) != null) {
            throw new IllegalStateException("Expected no limit property before the codec. Actual: set");
        }
        AvroCodec<DcbhPosterior> codec = AvroCodec.of(DcbhPosterior.class);
        try {
            codec.decode(HostileLengthPrefixTest.posteriorClaimingTwoBillionSamples(codec));
            System.out.println("DECODED");
        } catch (UnreadablePayloadException e) {
            System.out.println(e.kind());
        }
    }
}
