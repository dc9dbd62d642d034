package org.leain.stream.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro records as JSON trees by their schema's field names, leaving out named fields (samples,
 * skymap columns): non-finite doubles become null, bytes are summarised by their length.
 */
final class AvroJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  static ObjectNode of(IndexedRecord record, Set<String> omit) {
    ObjectNode node = NODES.objectNode();
    for (Schema.Field field : record.getSchema().getFields()) {
      if (!omit.contains(field.name())) {
        node.set(field.name(), value(record.get(field.pos()), omit));
      }
    }
    return node;
  }

  static JsonNode value(Object value, Set<String> omit) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value instanceof IndexedRecord r) {
      return of(r, omit);
    }
    if (value instanceof Double d) {
      return Double.isFinite(d) ? NODES.numberNode(d) : NODES.nullNode();
    }
    if (value instanceof Float f) {
      return Float.isFinite(f) ? NODES.numberNode(f) : NODES.nullNode();
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Long l) {
      return NODES.numberNode(l);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof ByteBuffer b) {
      return NODES.textNode(b.remaining() + " bytes");
    }
    if (value instanceof Collection<?> c) {
      ArrayNode array = NODES.arrayNode();
      c.forEach(item -> array.add(value(item, omit)));
      return array;
    }
    if (value instanceof Map<?, ?> m) {
      ObjectNode object = NODES.objectNode();
      m.forEach((k, v) -> object.set(k.toString(), value(v, omit)));
      return object;
    }
    if (value instanceof GenericContainer || value instanceof Enum<?>) {
      return NODES.textNode(value.toString());
    }
    return NODES.textNode(value.toString());
  }
}
