package org.leain.contracts.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * Every released version of every LEAIN contract, keyed by CRC-64-AVRO fingerprint: the schema
 * store a single-object decoder consults to find a payload's writer schema.
 *
 * <p>Released versions are classpath resources
 * {@code org/leain/contracts/released/<Record>/v<N>.avsc}, each a complete, self-contained
 * schema, numbered from 1 without gaps; the highest version of each record must equal the schema
 * the generated class was built from (a test checks it). A released file is never edited: a
 * change to a contract is released as a new version, and Avro schema resolution turns payloads of
 * any released version into the current generated class.
 *
 * <p>Immutable and thread-safe.
 */
public final class ReleasedSchemas implements SchemaStore {

    /** Simple names of the contract records, in the order of the data flow. */
    public static final List<String> RECORD_NAMES =
            List.of("GwCandidate", "Spectrum", "Association", "DcbhPosterior", "DeadLetter");

    /** Namespace of every contract record. */
    public static final String NAMESPACE = "org.leain.contracts";

    /** Classpath folder of the released versions. */
    public static final String RESOURCE_ROOT = "org/leain/contracts/released/";

    /** One released version of one record. */
    public record ReleasedSchema(String recordName, int version, String resourcePath, Schema schema, long fingerprint) {

        /** The fingerprint as it appears on the wire: 8 bytes little-endian, in lowercase hex. */
        public String fingerprintHex() {
            return AvroCodec.fingerprintHex(fingerprint);
        }
    }

    private static final ReleasedSchemas INSTANCE = new ReleasedSchemas(loadAll());

    private final List<ReleasedSchema> all;
    private final Map<Long, ReleasedSchema> byFingerprint;

    private ReleasedSchemas(List<ReleasedSchema> all) {
        this.all = List.copyOf(all);
        Map<Long, ReleasedSchema> index = new HashMap<>();
        for (ReleasedSchema released : all) {
            ReleasedSchema clash = index.put(released.fingerprint(), released);
            if (clash != null) {
                throw new IllegalStateException("Expected distinct released schemas. Actual: "
                        + clash.resourcePath() + " and " + released.resourcePath() + " have the same fingerprint");
            }
        }
        this.byFingerprint = Collections.unmodifiableMap(index);
    }

    /** The store of the schemas released with this build. */
    public static ReleasedSchemas get() {
        return INSTANCE;
    }

    /** Every released version of every record, by record (in {@link #RECORD_NAMES} order) then version. */
    public List<ReleasedSchema> all() {
        return all;
    }

    /** The released versions of one record, oldest first; empty for an unknown name. */
    public List<ReleasedSchema> versionsOf(String recordName) {
        return all.stream().filter(r -> r.recordName().equals(recordName)).toList();
    }

    /** The released version with this fingerprint, or {@code null}. */
    public ReleasedSchema find(long fingerprint) {
        return byFingerprint.get(fingerprint);
    }

    /** {@inheritDoc} Returns {@code null} for an unknown fingerprint, as {@link SchemaStore} requires. */
    @Override
    public Schema findByFingerprint(long fingerprint) {
        ReleasedSchema released = byFingerprint.get(fingerprint);
        return released == null ? null : released.schema();
    }

    /** CRC-64-AVRO fingerprint of a schema's parsing canonical form (as the wire header carries it). */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static List<ReleasedSchema> loadAll() {
        List<ReleasedSchema> loaded = new ArrayList<>();
        for (String recordName : RECORD_NAMES) {
            for (int version = 1; ; version++) {
                String path = RESOURCE_ROOT + recordName + "/v" + version + ".avsc";
                String text = readResource(path);
                if (text == null) {
                    break;
                }
                Schema schema = new Schema.Parser().parse(text);
                String expectedName = NAMESPACE + "." + recordName;
                if (!schema.getFullName().equals(expectedName)) {
                    throw new IllegalStateException("Expected " + path + " to define " + expectedName
                            + ". Actual: " + schema.getFullName());
                }
                loaded.add(new ReleasedSchema(recordName, version, path, schema, fingerprint(schema)));
            }
        }
        return loaded;
    }

    private static String readResource(String path) {
        try (InputStream in = ReleasedSchemas.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Expected readable resource " + path + ". Actual: " + e, e);
        }
    }
}
