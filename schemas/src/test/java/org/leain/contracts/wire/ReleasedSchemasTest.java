package org.leain.contracts.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.release.ModuleFolder;
import org.leain.contracts.wire.ReleasedSchemas.ReleasedSchema;

class ReleasedSchemasTest {

    static Stream<Schema> currentSchemas() {
        return Stream.of(GwCandidate.getClassSchema(), Spectrum.getClassSchema(), Association.getClassSchema(),
                DcbhPosterior.getClassSchema(), DeadLetter.getClassSchema());
    }

    static Stream<ReleasedSchema> releasedVersions() {
        return ReleasedSchemas.get().all().stream();
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void currentSchema_ofEveryRecord_isItsLatestReleasedVersion(Schema current) {
        List<ReleasedSchema> versions = ReleasedSchemas.get().versionsOf(current.getName());
        ReleasedSchema latest = versions.get(versions.size() - 1);
        assertEquals(AvroCodec.fingerprintHex(latest.fingerprint()), AvroCodec.fingerprintHex(ReleasedSchemas.fingerprint(current)),
                current.getName() + " changed since v" + latest.version()
                        + ": release it as a new version (run org.leain.contracts.release.SchemaRelease, see schemas/README.md)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedVersions")
    void currentReaderSchema_canReadEveryReleasedWriterVersion(ReleasedSchema released) {
        Schema reader = currentSchemas().filter(s -> s.getName().equals(released.recordName())).findFirst().orElseThrow();
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, released.schema());
        assertEquals(SchemaCompatibilityType.COMPATIBLE, result.getType(),
                "Current " + released.recordName() + " cannot read v" + released.version() + ": " + result.getResult().getIncompatibilities());
    }

    @Test
    void compatibilityCheck_refusesAReaderThatAddsAFieldWithoutDefault() {
        ReleasedSchema v1 = ReleasedSchemas.get().versionsOf("DcbhPosterior").get(0);
        String incompatible = v1.schema().toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"redshift\",\"type\":\"double\",\"doc\":\"no default\"},");
        Schema reader = new Schema.Parser().parse(incompatible);

        assertEquals(SchemaCompatibilityType.INCOMPATIBLE,
                SchemaCompatibility.checkReaderWriterCompatibility(reader, v1.schema()).getType());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedVersions")
    void findByFingerprint_returnsTheReleasedVersion(ReleasedSchema released) {
        assertSame(released.schema(), ReleasedSchemas.get().findByFingerprint(released.fingerprint()));
        assertEquals(released.fingerprint(), ReleasedSchemas.fingerprint(released.schema()));
    }

    @Test
    void findByFingerprint_ofAnUnknownFingerprint_isNull() {
        assertNull(ReleasedSchemas.get().findByFingerprint(0x0123456789abcdefL));
    }

    @Test
    void releasedFolder_holdsOnlyContiguousVersionsOfKnownRecords() throws IOException {
        List<String> unexpected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ModuleFolder.releasedSchemas())) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String record = file.getParent().getFileName().toString();
                String name = file.getFileName().toString();
                boolean known = ReleasedSchemas.RECORD_NAMES.contains(record) && name.matches("v[1-9][0-9]*\\.avsc")
                        && Integer.parseInt(name.substring(1, name.length() - 5)) <= ReleasedSchemas.get().versionsOf(record).size();
                if (!known) {
                    unexpected.add(ModuleFolder.releasedSchemas().relativize(file).toString());
                }
            });
        }
        assertEquals(List.of(), unexpected, "Expected only <Record>/v1..vN.avsc, numbered without gaps");
        for (String record : ReleasedSchemas.RECORD_NAMES) {
            assertNotEquals(0, ReleasedSchemas.get().versionsOf(record).size(), record + " has no released version");
        }
    }
}
