package org.leain.contracts.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.leain.contracts.ContractExamples;
import org.leain.contracts.wire.AvroCodec;
import org.leain.contracts.wire.ReleasedSchemas;

/**
 * Releases changed contracts. For each record whose current schema (the generated class) differs
 * from its latest released version, writes the next {@code v<N>.avsc}; then rewrites
 * {@code fingerprints.json}; then writes the golden payload ({@code .bin}) and its readable values
 * ({@code .json}) for each released version that has none, from {@link ContractExamples}. It never
 * overwrites a released schema or a golden file.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -pl schemas -am test-compile
 * mvn -B -q -f schemas exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.leain.contracts.release.SchemaRelease
 * </pre>
 * then rebuild (the new resources must be on the classpath) and commit the new files.
 */
public final class SchemaRelease {

    private static final String JAVA_STRING_PROPERTY = "avro.java.string";

    private SchemaRelease() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, SpecificRecord> examples = ContractExamples.all();
        for (Map.Entry<String, SpecificRecord> entry : examples.entrySet()) {
            releaseIfChanged(entry.getKey(), entry.getValue().getSchema());
        }
        System.out.println("Released schemas are written; rebuild, then run again to write fingerprints.json and goldens.");
        ReleasedSchemas released = ReleasedSchemas.get();
        for (Map.Entry<String, SpecificRecord> entry : examples.entrySet()) {
            String name = entry.getKey();
            long currentFingerprint = ReleasedSchemas.fingerprint(entry.getValue().getSchema());
            var versions = released.versionsOf(name);
            if (versions.isEmpty() || versions.get(versions.size() - 1).fingerprint() != currentFingerprint) {
                System.out.println(name + ": the classpath does not hold its new version yet; rebuild and run again.");
                return;
            }
        }
        Path index = ModuleFolder.fingerprintsJson();
        Files.writeString(index, RecordJson.MAPPER.writeValueAsString(FingerprintIndex.of(released)) + "\n", StandardCharsets.UTF_8);
        System.out.println("Wrote " + index);
        for (Map.Entry<String, SpecificRecord> entry : examples.entrySet()) {
            writeGoldenIfMissing(entry.getKey(), entry.getValue(), released);
        }
    }

    private static void releaseIfChanged(String recordName, Schema current) throws IOException {
        Path dir = ModuleFolder.releasedSchemas().resolve(recordName);
        Files.createDirectories(dir);
        int latest = 0;
        while (Files.exists(dir.resolve("v" + (latest + 1) + ".avsc"))) {
            latest++;
        }
        if (latest > 0) {
            Schema released = new Schema.Parser().parse(dir.resolve("v" + latest + ".avsc").toFile());
            if (ReleasedSchemas.fingerprint(released) == ReleasedSchemas.fingerprint(current)) {
                return;
            }
        }
        Path next = dir.resolve("v" + (latest + 1) + ".avsc");
        Files.writeString(next, portableJson(current) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        System.out.println("Released " + next);
    }

    /**
     * The schema as self-contained JSON without the Java-only {@code avro.java.string} property: a string
     * type is plain {@code "string"}. Other Avro libraries then read the file as written; python-avro 1.11
     * in particular keeps property-carrying primitives in its canonical form, which would change the
     * fingerprint it computes. The parsing canonical form (and so the fingerprint) is the same either way.
     */
    static String portableJson(Schema schema) throws IOException {
        JsonNode tree = RecordJson.MAPPER.readTree(schema.toString());
        return RecordJson.MAPPER.writeValueAsString(withoutJavaStringProperty(tree));
    }

    private static JsonNode withoutJavaStringProperty(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(withoutJavaStringProperty(item)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.properties().forEach(e -> {
            if (!e.getKey().equals(JAVA_STRING_PROPERTY)) {
                copy.set(e.getKey(), withoutJavaStringProperty(e.getValue()));
            }
        });
        if (copy.size() == 1 && copy.has("type") && copy.get("type").isTextual()) {
            return copy.get("type");
        }
        return copy;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void writeGoldenIfMissing(String recordName, SpecificRecord example, ReleasedSchemas released) throws IOException {
        var versions = released.versionsOf(recordName);
        var latest = versions.get(versions.size() - 1);
        Path dir = ModuleFolder.goldens().resolve(recordName);
        Files.createDirectories(dir);
        for (var version : versions) {
            Path bin = dir.resolve("v" + version.version() + ".bin");
            if (Files.exists(bin)) {
                continue;
            }
            if (version != latest) {
                System.out.println("Missing golden for an older version (cannot be written from current classes): " + bin);
                continue;
            }
            AvroCodec codec = AvroCodec.of(SpecificData.get().getClass(example.getSchema()));
            Files.write(bin, codec.encode(example), StandardOpenOption.CREATE_NEW);
            Path json = dir.resolve("v" + version.version() + ".json");
            Files.writeString(json, RecordJson.MAPPER.writeValueAsString(RecordJson.of(example)) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            System.out.println("Wrote " + bin + " and " + json);
        }
    }
}
