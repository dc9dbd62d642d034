package org.leain.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * Gives a real LVK notice another superevent id, leaving everything else as it was, so reruns of the
 * demo against a shared cluster do not collide (a retracted superevent never comes back, DESIGN.md
 * section 2). JSON notices keep every field (the base64 sky map untouched); Avro object container
 * files are rewritten with their own embedded schema.
 */
final class LvkNoticeRewriter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] AVRO_MAGIC = {'O', 'b', 'j', 1};

  private LvkNoticeRewriter() {}

  static byte[] withSupereventId(byte[] notice, String supereventId) {
    try {
      return isAvroContainer(notice) ? rewriteAvro(notice, supereventId) : rewriteJson(notice, supereventId);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not rewrite the superevent id of an LVK notice", e);
    }
  }

  private static boolean isAvroContainer(byte[] bytes) {
    if (bytes.length < AVRO_MAGIC.length) {
      return false;
    }
    for (int i = 0; i < AVRO_MAGIC.length; i++) {
      if (bytes[i] != AVRO_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  private static byte[] rewriteJson(byte[] notice, String supereventId) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(new String(notice, StandardCharsets.UTF_8));
    root.put("superevent_id", supereventId);
    return JSON.writeValueAsBytes(root);
  }

  private static byte[] rewriteAvro(byte[] notice, String supereventId) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(notice.length);
    try (DataFileStream<GenericRecord> in =
        new DataFileStream<>(new ByteArrayInputStream(notice), new GenericDatumReader<>())) {
      try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(in.getSchema()))) {
        writer.create(in.getSchema(), out);
        for (GenericRecord record : in) {
          record.put("superevent_id", supereventId);
          writer.append(record);
        }
      }
    }
    return out.toByteArray();
  }
}
