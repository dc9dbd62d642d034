package org.leain.sky.lvk;

import igwn.alerts.v1_0.Alert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificDatumReader;
import org.leain.sky.lvk.InvalidAlertException.Reason;

/**
 * Decodes igwn.alerts.v1_0 Avro: an object container file (parsed here, with every length bounded:
 * header metadata, one block, codec null or deflate) or a bare binary body. The datum is resolved
 * from the writer's schema (the container's) to the generated reader classes.
 */
final class AvroAlerts {

  private static final int SYNC_BYTES = 16;

  private AvroAlerts() {}

  static Alert container(byte[] bytes, int maxInflatedBytes) {
    try {
      BoundedDecoder d = new BoundedDecoder(bytes, 4, bytes.length - 4);
      String schemaJson = null;
      String codec = "null";
      for (long n = d.readMapStart(); n != 0; n = d.mapNext()) {
        for (long i = 0; i < n; i++) {
          String key = d.readString();
          byte[] value = d.readBytes(null).array();
          if (key.equals("avro.schema")) {
            schemaJson = new String(value, StandardCharsets.UTF_8);
          } else if (key.equals("avro.codec")) {
            codec = new String(value, StandardCharsets.UTF_8);
          }
        }
      }
      if (schemaJson == null) {
        throw malformed("Expected avro.schema in the container header. Actual: absent", null);
      }
      d.readFixed(new byte[SYNC_BYTES]);
      if (d.isEnd()) {
        throw malformed("Expected one record in the Avro container. Actual: none", null);
      }
      long count = d.readLong();
      if (count < 1) {
        throw malformed("Expected a block with at least one record. Actual: " + count, null);
      }
      byte[] block = d.readBytes(null).array();
      byte[] data = switch (codec) {
        case "null" -> block;
        case "deflate" -> inflate(block, maxInflatedBytes);
        default -> throw malformed("Expected codec null or deflate. Actual: " + codec, null);
      };
      Schema writer = new Schema.Parser().parse(schemaJson);
      BoundedDecoder body = new BoundedDecoder(data, 0, data.length);
      return new SpecificDatumReader<Alert>(writer, Alert.getClassSchema()).read(null, body);
    } catch (IOException | AvroRuntimeException | ClassCastException
        | IndexOutOfBoundsException e) {
      throw malformed("Expected an Avro container of igwn.alerts.v1_0.Alert. Actual: " + e, e);
    }
  }

  static Alert bareBody(byte[] bytes) {
    try {
      BoundedDecoder d = new BoundedDecoder(bytes, 0, bytes.length);
      Alert alert = new SpecificDatumReader<Alert>(Alert.getClassSchema()).read(null, d);
      if (!d.isEnd()) {
        throw new InvalidAlertException(Reason.UNKNOWN_FORMAT, "Expected JSON, an Avro container or a bare "
            + "igwn.alerts.v1_0 Avro body. Actual: trailing bytes after a decoded body");
      }
      return alert;
    } catch (IOException | AvroRuntimeException | ClassCastException | IndexOutOfBoundsException e) {
      throw new InvalidAlertException(Reason.UNKNOWN_FORMAT,
          "Expected JSON, an Avro container or a bare igwn.alerts.v1_0 Avro body. Actual: " + e, e);
    }
  }

  private static byte[] inflate(byte[] block, int maxBytes) {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(block);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[1 << 16];
      while (!inflater.finished()) {
        int k = inflater.inflate(buf);
        if (k == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        if (out.size() + k > maxBytes) {
          throw new InvalidAlertException(Reason.TOO_LARGE,
              "Expected at most " + maxBytes + " bytes after deflate. Actual: more");
        }
        out.write(buf, 0, k);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw malformed("Expected a deflate-compressed block. Actual: " + e.getMessage(), e);
    } finally {
      inflater.end();
    }
  }

  private static InvalidAlertException malformed(String message, Throwable cause) {
    return new InvalidAlertException(Reason.MALFORMED_AVRO, message, cause);
  }
}
