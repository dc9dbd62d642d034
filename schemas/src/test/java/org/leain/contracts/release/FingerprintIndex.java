package org.leain.contracts.release;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.leain.contracts.wire.AvroCodec;
import org.leain.contracts.wire.ReleasedSchemas;
import org.leain.contracts.wire.ReleasedSchemas.ReleasedSchema;

/**
 * The content of {@code fingerprints.json}: for every released schema version, keyed by the wire
 * fingerprint in hex (the 8 little-endian bytes after {@code C3 01}), the signed long, the record, the
 * version, the schema file relative to the module folder and its classpath resource.
 */
public final class FingerprintIndex {

    private FingerprintIndex() {
    }

    /** The expected {@code fingerprints.json} tree for the released schemas. */
    public static ObjectNode of(ReleasedSchemas released) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("format", "Avro single-object encoding: bytes C3 01, then the writer schema's CRC-64-AVRO "
                + "fingerprint as 8 bytes little-endian (the key below, in hex), then the Avro binary body");
        root.put("schema_path_base", "schema_path is relative to the folder holding this file (the schemas module)");
        ObjectNode fingerprints = root.putObject("fingerprints");
        for (ReleasedSchema schema : released.all()) {
            ObjectNode entry = fingerprints.putObject(AvroCodec.fingerprintHex(schema.fingerprint()));
            entry.put("fingerprint_long", schema.fingerprint());
            entry.put("record", schema.schema().getFullName());
            entry.put("version", schema.version());
            entry.put("schema_path", "src/main/resources/" + schema.resourcePath());
            entry.put("resource", schema.resourcePath());
        }
        return root;
    }
}
