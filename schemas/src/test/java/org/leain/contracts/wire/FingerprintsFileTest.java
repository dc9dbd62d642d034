package org.leain.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leain.contracts.ContractExamples;
import org.leain.contracts.release.FingerprintIndex;
import org.leain.contracts.release.ModuleFolder;
import org.leain.contracts.release.RecordJson;

class FingerprintsFileTest {

    @Test
    void fingerprintsJson_atTheModuleRoot_isUpToDateWithTheReleasedSchemas() throws IOException {
        JsonNode committed = RecordJson.MAPPER.readTree(ModuleFolder.fingerprintsJson().toFile());
        assertEquals(FingerprintIndex.of(ReleasedSchemas.get()), committed,
                "schemas/fingerprints.json is out of date: run org.leain.contracts.release.SchemaRelease (see schemas/README.md)");
    }

    @Test
    void fingerprintsJson_onTheClasspath_isTheModuleRootFile() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("org/leain/contracts/fingerprints.json")) {
            assertArrayEquals(Files.readAllBytes(ModuleFolder.fingerprintsJson()), in.readAllBytes());
        }
    }

    static Stream<SpecificRecord> examples() {
        return ContractExamples.all().values().stream();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void headerOfAnEncodedRecord_isAKeyOfFingerprintsJsonNamingThatRecord(SpecificRecord example) throws IOException {
        byte[] payload = AvroCodecTest.codecFor(example).encode(example);
        String hex = HexFormat.of().formatHex(Arrays.copyOfRange(payload, 2, 10));
        JsonNode entry = RecordJson.MAPPER.readTree(ModuleFolder.fingerprintsJson().toFile()).path("fingerprints").path(hex);

        assertEquals(example.getSchema().getFullName(), entry.path("record").asText(), "entry for " + hex + ": " + entry);
        assertEquals(java.nio.ByteBuffer.wrap(payload, 2, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(),
                entry.path("fingerprint_long").asLong());
        assertEquals(true, Files.isRegularFile(ModuleFolder.schemas().resolve(entry.path("schema_path").asText())));
    }
}
