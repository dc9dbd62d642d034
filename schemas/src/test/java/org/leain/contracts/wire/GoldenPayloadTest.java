package org.leain.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Modality;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.StrainGridKind;
import org.leain.contracts.release.RecordJson;
import org.leain.contracts.wire.ReleasedSchemas.ReleasedSchema;

/**
 * Golden payloads: for every released version of every record, bytes written at release time
 * ({@code golden/<Record>/v<N>.bin}) must decode forever into the current classes with the values
 * recorded beside them ({@code v<N>.json}).
 */
class GoldenPayloadTest {

    static Stream<ReleasedSchema> releasedVersions() {
        return ReleasedSchemas.get().all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedVersions")
    void golden_ofEveryReleasedVersion_decodesToItsRecordedValues(ReleasedSchema released) throws IOException {
        SpecificRecord decoded = decodeGolden(released.recordName(), released.version());
        JsonNode expected = RecordJson.MAPPER.readTree(resource(released.recordName(), released.version(), "json"));

        List<String> mismatches = new ArrayList<>();
        int compared = compare(released.recordName(), expected, RecordJson.of(decoded), mismatches);

        assertEquals(List.of(), mismatches);
        int writerFields = released.schema().getFields().size();
        assertTrue(compared >= writerFields, "Expected at least one value per field (" + writerFields + "). Actual: " + compared);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedVersions")
    void golden_ofEveryReleasedVersion_carriesThatVersionsFingerprint(ReleasedSchema released) throws IOException {
        byte[] bin = resource(released.recordName(), released.version(), "bin");
        assertEquals(released.fingerprintHex(), java.util.HexFormat.of().formatHex(bin, 2, 10));
    }

    @Test
    void dcbhPosteriorGoldenV1_holdsTheValuesWrittenAtRelease() throws IOException {
        DcbhPosterior posterior = (DcbhPosterior) decodeGolden("DcbhPosterior", 1);

        assertEquals("MS181101ab|uncover-v4_prism-clear_2561_45924", posterior.getAssociationId());
        assertEquals("leain-v1", posterior.getModel().getName());
        assertEquals(List.of("log10_m_bh", "log10_j21", "z_form"),
                posterior.getParameters().stream().map(p -> p.getName()).toList());
        assertEquals(0.7, posterior.getMixture().get(0).getWeight());
        assertEquals(0.3, posterior.getMixture().get(1).getWeight());
        assertEquals(6, posterior.getMixture().get(0).getCholeskyLower().size(), "3 parameters: 3*4/2 packed entries");
        assertEquals(5.65, posterior.getSummaries().get(0).getMedian());
        assertEquals(12, posterior.getSamples().size());
        assertEquals(5.12f, posterior.getSamples().get(3));
        assertEquals(List.of(Modality.SED, Modality.STRAIN), posterior.getModalities());
        assertEquals(List.of(5.6, 2.0, 17.0), posterior.getTrueValues());
        assertEquals(1795467601545L, posterior.getTimings().getEmittedMs());
    }

    @Test
    void dcbhPosteriorGoldenV3_carriesItsWarning_andAV2PayloadDecodesWithNone() throws IOException {
        DcbhPosterior v3 = (DcbhPosterior) decodeGolden("DcbhPosterior", 3);
        assertEquals(1, v3.getWarnings().size());
        assertTrue(v3.getWarnings().get(0).startsWith("Expected the spectrum's redshift frame inside the prior"),
                v3.getWarnings().get(0));
        DcbhPosterior v2 = (DcbhPosterior) decodeGolden("DcbhPosterior", 2);
        assertEquals(List.of(), v2.getWarnings());
    }

    @Test
    void gwCandidateGoldenV1_holdsTheValuesWrittenAtRelease() throws IOException {
        GwCandidate candidate = (GwCandidate) decodeGolden("GwCandidate", 1);
        MultiOrderSkymap skymap = candidate.getSkymap();

        assertEquals("MS181101ab", candidate.getSupereventId());
        assertEquals(9.11069936486e-14, candidate.getFarHz());
        assertEquals(48, skymap.getUniq().size());
        assertEquals(16L, skymap.getUniq().get(0), "first order-1 pixel: 4*4^1 + 0");
        assertEquals(63L, skymap.getUniq().get(47), "last order-1 pixel: 4*4^1 + 47");
        double totalProbability = 0;
        for (double density : skymap.getProbdensityPerSr()) {
            totalProbability += density * Math.PI / 12;
        }
        assertEquals(1.0, totalProbability, 1e-12, "order-1 pixels have area (pi/3)/4 sr");
        assertEquals(Double.POSITIVE_INFINITY, skymap.getDistmuMpc().get(47));
        assertEquals(12, candidate.getCombinedSkymap().getUniq().size());
        assertEquals(null, candidate.getCombinedSkymap().getDistmuMpc());
        assertEquals(StrainGridKind.LOG_TIME_TO_MERGER, candidate.getStrain().getGridKind());
        assertEquals(Map.of("BNS", 0.95, "NSBH", 0.01, "BBH", 0.03, "Terrestrial", 0.01), candidate.getClassification());
        assertEquals("Fermi", candidate.getExternalCoinc().getObservatory());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static SpecificRecord decodeGolden(String recordName, int version) throws IOException {
        Class type = SpecificData.get().getClass(ReleasedSchemas.get().versionsOf(recordName).get(0).schema());
        assertNotNull(type, "no generated class for " + recordName);
        return AvroCodec.of(type).decode(resource(recordName, version, "bin"));
    }

    private static byte[] resource(String recordName, int version, String extension) throws IOException {
        String path = "golden/" + recordName + "/v" + version + "." + extension;
        try (InputStream in = GoldenPayloadTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, "Expected golden file " + path + " (written by SchemaRelease when the version was released)");
            return in.readAllBytes();
        }
    }

    /**
     * Compares field by field where both sides have the field: a field removed since (only in the
     * golden) or added since (only in the decoded record) is resolution's business, not a mismatch.
     */
    private static int compare(String path, JsonNode expected, JsonNode actual, List<String> mismatches) {
        if (expected.isObject() && actual.isObject()) {
            int compared = 0;
            for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (actual.has(name)) {
                    compared += compare(path + "." + name, expected.get(name), actual.get(name), mismatches);
                }
            }
            return compared;
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            int compared = 0;
            for (int i = 0; i < expected.size(); i++) {
                compared += compare(path + "[" + i + "]", expected.get(i), actual.get(i), mismatches);
            }
            return compared;
        }
        if (!expected.equals(actual)) {
            mismatches.add(path + ": expected " + expected + ", actual " + actual);
        }
        return 1;
    }
}
