package org.leain.contracts.release;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.IndexedRecord;

/**
 * A readable JSON view of an Avro value, for golden payloads: records as objects (fields in schema
 * order), maps with sorted keys, unions as their value, enums as symbols, bytes as base64 text,
 * non-finite numbers as the text "NaN", "Infinity", "-Infinity".
 */
public final class RecordJson {

    /** Pretty-printing mapper with sorted map keys. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RecordJson() {
    }

    /** The JSON text of a record, normalised by a parse so numbers compare as parsed values. */
    public static JsonNode of(IndexedRecord record) {
        try {
            return MAPPER.readTree(MAPPER.writeValueAsString(toNode(record, record.getSchema())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode toNode(Object value, Schema schema) {
        switch (schema.getType()) {
            case NULL:
                return NODES.nullNode();
            case UNION: {
                if (value == null) {
                    return NODES.nullNode();
                }
                Schema branch = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL)
                        .reduce((a, b) -> { throw new IllegalArgumentException("Expected [null, X] unions. Actual: " + schema); })
                        .orElseThrow();
                return toNode(value, branch);
            }
            case RECORD: {
                IndexedRecord record = (IndexedRecord) value;
                ObjectNode node = NODES.objectNode();
                for (Schema.Field field : schema.getFields()) {
                    node.set(field.name(), toNode(record.get(field.pos()), field.schema()));
                }
                return node;
            }
            case ARRAY: {
                ArrayNode node = NODES.arrayNode();
                for (Object item : (Collection<?>) value) {
                    node.add(toNode(item, schema.getElementType()));
                }
                return node;
            }
            case MAP: {
                ObjectNode node = NODES.objectNode();
                Map<String, Object> sorted = new TreeMap<>();
                ((Map<?, ?>) value).forEach((k, v) -> sorted.put(k.toString(), v));
                sorted.forEach((k, v) -> node.set(k, toNode(v, schema.getValueType())));
                return node;
            }
            case ENUM:
                return NODES.textNode(value instanceof GenericEnumSymbol<?> symbol ? symbol.toString() : ((Enum<?>) value).name());
            case STRING:
                return NODES.textNode(value.toString());
            case BYTES: {
                ByteBuffer buffer = ((ByteBuffer) value).duplicate();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                return NODES.textNode(Base64.getEncoder().encodeToString(bytes));
            }
            case INT:
                return NODES.numberNode((Integer) value);
            case LONG:
                return NODES.numberNode((Long) value);
            case FLOAT:
                return number(((Float) value).doubleValue(), true);
            case DOUBLE:
                return number((Double) value, false);
            case BOOLEAN:
                return NODES.booleanNode((Boolean) value);
            default:
                throw new IllegalArgumentException("Expected a type used by the contracts. Actual: " + schema.getType());
        }
    }

    private static JsonNode number(double value, boolean isFloat) {
        if (Double.isNaN(value)) {
            return NODES.textNode("NaN");
        }
        if (Double.isInfinite(value)) {
            return NODES.textNode(value > 0 ? "Infinity" : "-Infinity");
        }
        return isFloat ? NODES.numberNode((float) value) : NODES.numberNode(value);
    }
}
