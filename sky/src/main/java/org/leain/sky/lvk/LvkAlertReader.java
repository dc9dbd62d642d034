package org.leain.sky.lvk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import igwn.alerts.v1_0.Alert;
import igwn.alerts.v1_0.EventInfo;
import igwn.alerts.v1_0.ExternalCoincInfo;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.leain.sky.lvk.InvalidAlertException.Reason;
import org.leain.sky.skymap.InvalidSkymapException;
import org.leain.sky.skymap.Skymap;
import org.leain.sky.skymap.SkymapReader;

/**
 * Reads LVK notices (igwn.alerts.v1_0) from bytes in any of the served encodings (sniffed, see
 * the package documentation) into {@link LvkAlert}, decoding and validating the skymaps.
 * Thread-safe (stateless apart from a shared, thread-safe Jackson mapper).
 */
public final class LvkAlertReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final byte[] AVRO_MAGIC = {'O', 'b', 'j', 1};

  private LvkAlertReader() {}

  /** Reads with {@link AlertLimits#DEFAULT}. */
  public static LvkAlert read(byte[] bytes) {
    return read(bytes, AlertLimits.DEFAULT);
  }

  /**
   * Reads one notice.
   *
   * @throws InvalidAlertException with the reason the notice cannot be used
   */
  public static LvkAlert read(byte[] bytes, AlertLimits limits) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidAlertException(Reason.UNKNOWN_FORMAT, "Expected alert bytes. Actual: none");
    }
    if (bytes.length > limits.maxAlertBytes()) {
      throw new InvalidAlertException(Reason.TOO_LARGE,
          "Expected at most " + limits.maxAlertBytes() + " bytes. Actual: " + bytes.length);
    }
    int first = 0;
    while (first < bytes.length && Character.isWhitespace(bytes[first])) {
      first++;
    }
    if (first < bytes.length && bytes[first] == '{') {
      return fromJson(bytes, limits);
    }
    if (startsWith(bytes, AVRO_MAGIC)) {
      return fromAvro(AvroAlerts.container(bytes, (int) Math.min(Integer.MAX_VALUE - 8,
          4L * limits.maxAlertBytes())), limits);
    }
    return fromAvro(AvroAlerts.bareBody(bytes), limits);
  }

  // ---------------------------------------------------------------- JSON (GCN)

  private static LvkAlert fromJson(byte[] bytes, AlertLimits limits) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new InvalidAlertException(Reason.MALFORMED_JSON,
          "Expected a JSON object. Actual: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidAlertException(Reason.MALFORMED_JSON, "Expected a JSON object. Actual: " + e, e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidAlertException(Reason.MALFORMED_JSON, "Expected a JSON object. Actual: " + root);
    }
    String id = supereventId(text(root, "superevent_id", true));
    LvkAlertType type = LvkAlertType.parse(text(root, "alert_type", true));
    Instant created = instant(text(root, "time_created", true), "time_created");
    JsonNode ev = root.get("event");
    LvkEvent event = ev == null || ev.isNull() ? null : jsonEvent(ev, limits);
    JsonNode ex = root.get("external_coinc");
    LvkExternalCoinc coinc = ex == null || ex.isNull() ? null : jsonCoinc(ex, limits);
    Map<String, String> urls = new LinkedHashMap<>();
    JsonNode u = root.get("urls");
    if (u != null && u.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = u.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isTextual()) {
          urls.put(e.getKey(), e.getValue().asText());
        }
      }
    }
    return new LvkAlert(id, LvkAlert.Kind.ofSupereventId(id), type, created, event, coinc,
        Collections.unmodifiableMap(urls), LvkAlert.Format.GCN_JSON);
  }

  private static LvkEvent jsonEvent(JsonNode ev, AlertLimits limits) {
    if (!ev.isObject()) {
      throw new InvalidAlertException(Reason.BAD_FIELD, "Expected event to be an object or null. Actual: " + ev.getNodeType());
    }
    List<String> instruments = new ArrayList<>();
    JsonNode inst = ev.get("instruments");
    if (inst == null || !inst.isArray()) {
      throw new InvalidAlertException(Reason.MISSING_FIELD, "Expected event.instruments (array). Actual: " + inst);
    }
    inst.forEach(i -> instruments.add(i.asText()));
    String skymap = text(ev, "skymap", false);
    return new LvkEvent(
        text(ev, "time", true),
        number(ev, "far", true),
        bool(ev, "significant"),
        List.copyOf(instruments),
        text(ev, "group", true),
        text(ev, "pipeline", true),
        text(ev, "search", true),
        doubles(ev.get("classification"), "event.classification"),
        doubles(ev.get("properties"), "event.properties"),
        nullableNumber(ev, "duration"),
        nullableNumber(ev, "central_frequency"),
        skymap == null ? null : skymap(base64(skymap, "event.skymap"), "event.skymap", limits));
  }

  private static LvkExternalCoinc jsonCoinc(JsonNode ex, AlertLimits limits) {
    if (!ex.isObject()) {
      throw new InvalidAlertException(Reason.BAD_FIELD,
          "Expected external_coinc to be an object or null. Actual: " + ex.getNodeType());
    }
    JsonNode id = ex.get("gcn_notice_id");
    if (id == null || !id.canConvertToInt()) {
      throw new InvalidAlertException(Reason.MISSING_FIELD,
          "Expected external_coinc.gcn_notice_id (int). Actual: " + id);
    }
    String combined = text(ex, "combined_skymap", false);
    return new LvkExternalCoinc(id.asInt(), text(ex, "ivorn", true), text(ex, "observatory", true),
        text(ex, "search", true), number(ex, "time_difference", true),
        nullableNumber(ex, "time_coincidence_far"), nullableNumber(ex, "time_sky_position_coincidence_far"),
        combined == null ? null
            : skymap(base64(combined, "external_coinc.combined_skymap"), "external_coinc.combined_skymap", limits));
  }

  private static String text(JsonNode node, String field, boolean required) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new InvalidAlertException(Reason.MISSING_FIELD, "Expected field " + field + ". Actual: absent or null");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidAlertException(Reason.BAD_FIELD, "Expected " + field + " to be a string. Actual: " + v.getNodeType());
    }
    return v.asText();
  }

  private static double number(JsonNode node, String field, boolean required) {
    Double v = nullableNumber(node, field);
    if (v == null) {
      throw new InvalidAlertException(Reason.MISSING_FIELD, "Expected numeric field " + field + ". Actual: absent or null");
    }
    return v;
  }

  private static Double nullableNumber(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber()) {
      throw new InvalidAlertException(Reason.BAD_FIELD, "Expected " + field + " to be a number. Actual: " + v);
    }
    return v.asDouble();
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isBoolean()) {
      throw new InvalidAlertException(Reason.MISSING_FIELD, "Expected boolean field " + field + ". Actual: " + v);
    }
    return v.asBoolean();
  }

  private static Map<String, Double> doubles(JsonNode node, String field) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (node == null || node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new InvalidAlertException(Reason.BAD_FIELD, "Expected " + field + " to be an object. Actual: " + node.getNodeType());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!e.getValue().isNumber()) {
        throw new InvalidAlertException(Reason.BAD_FIELD,
            "Expected numbers in " + field + ". Actual: " + e.getKey() + " = " + e.getValue());
      }
      out.put(e.getKey(), e.getValue().asDouble());
    }
    return Collections.unmodifiableMap(out);
  }

  private static byte[] base64(String text, String field) {
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      try {
        return Base64.getDecoder().decode(text.replaceAll("\\s+", ""));
      } catch (IllegalArgumentException e2) {
        throw new InvalidAlertException(Reason.BAD_BASE64,
            "Expected base64-encoded FITS in " + field + ". Actual: " + e2.getMessage(), e2);
      }
    }
  }

  // ---------------------------------------------------------------- Avro (SCiMMA)

  private static LvkAlert fromAvro(Alert a, AlertLimits limits) {
    String id = supereventId(a.getSupereventId());
    if (a.getAlertType() == null) {
      throw new InvalidAlertException(Reason.MISSING_FIELD, "Expected alert_type. Actual: null");
    }
    LvkAlertType type = LvkAlertType.parse(a.getAlertType().name());
    Instant created = instant(a.getTimeCreated(), "time_created");
    LvkEvent event = a.getEvent() == null ? null : avroEvent(a.getEvent(), limits);
    LvkExternalCoinc coinc = a.getExternalCoinc() == null ? null : avroCoinc(a.getExternalCoinc(), limits);
    Map<String, String> urls = new LinkedHashMap<>();
    if (a.getUrls() != null) {
      a.getUrls().forEach((k, v) -> urls.put(String.valueOf(k), String.valueOf(v)));
    }
    return new LvkAlert(id, LvkAlert.Kind.ofSupereventId(id), type, created, event, coinc,
        Collections.unmodifiableMap(urls), LvkAlert.Format.SCIMMA_AVRO);
  }

  private static LvkEvent avroEvent(EventInfo e, AlertLimits limits) {
    return new LvkEvent(e.getTime(), e.getFar(), e.getSignificant(),
        e.getInstruments() == null ? List.of() : List.copyOf(e.getInstruments()),
        e.getGroup(), e.getPipeline(), e.getSearch(),
        e.getClassification() == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(e.getClassification())),
        e.getProperties() == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(e.getProperties())),
        e.getDuration(), e.getCentralFrequency(),
        e.getSkymap() == null ? null : skymap(bytes(e.getSkymap()), "event.skymap", limits));
  }

  private static LvkExternalCoinc avroCoinc(ExternalCoincInfo x, AlertLimits limits) {
    return new LvkExternalCoinc(x.getGcnNoticeId(), x.getIvorn(), x.getObservatory(), x.getSearch(),
        x.getTimeDifference(), x.getTimeCoincidenceFar(), x.getTimeSkyPositionCoincidenceFar(),
        x.getCombinedSkymap() == null ? null
            : skymap(bytes(x.getCombinedSkymap()), "external_coinc.combined_skymap", limits));
  }

  private static byte[] bytes(ByteBuffer b) {
    ByteBuffer d = b.duplicate();
    byte[] out = new byte[d.remaining()];
    d.get(out);
    return out;
  }

  // ---------------------------------------------------------------- shared

  private static Skymap skymap(byte[] fits, String field, AlertLimits limits) {
    try {
      return SkymapReader.read(fits, limits.skymap());
    } catch (InvalidSkymapException e) {
      throw new InvalidAlertException(Reason.BAD_SKYMAP, field + ": " + e.getMessage(), e);
    }
  }

  private static String supereventId(String id) {
    if (id == null) {
      throw new InvalidAlertException(Reason.MISSING_FIELD, "Expected superevent_id. Actual: absent");
    }
    if (!ID.matcher(id).matches()) {
      throw new InvalidAlertException(Reason.BAD_SUPEREVENT_ID,
          "Expected a superevent id of 1-64 characters [A-Za-z0-9._:-]. Actual: " + abbreviate(id));
    }
    LvkAlert.Kind.ofSupereventId(id);
    return id;
  }

  private static Instant instant(String iso, String field) {
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        throw new InvalidAlertException(Reason.BAD_FIELD,
            "Expected " + field + " in ISO 8601 UTC. Actual: " + abbreviate(iso), e2);
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "...";
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
