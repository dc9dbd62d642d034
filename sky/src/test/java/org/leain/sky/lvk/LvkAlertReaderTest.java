package org.leain.sky.lvk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import igwn.alerts.v1_0.Alert;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.file.SeekableByteArrayInput;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leain.sky.lvk.InvalidAlertException.Reason;
import org.leain.sky.skymap.InvalidSkymapException;
import org.leain.sky.skymap.Skymap;
import org.leain.sky.skymap.SkymapReader;
import org.leain.sky.testdata.TestData;

/** The real MS181101ab example notices in data/lvk, JSON and Avro. */
class LvkAlertReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static LvkAlert read(String file) {
    return LvkAlertReader.read(TestData.dataBytes("lvk/" + file));
  }

  @ParameterizedTest
  @CsvSource({
    "earlywarning, EARLYWARNING, 2018-11-01T22:34:20Z",
    "preliminary, PRELIMINARY, ",
    "initial, INITIAL, ",
    "update, UPDATE, ",
    "retraction, RETRACTION, 2018-11-01T23:36:23Z",
    "ext-update, UPDATE, 2018-11-01T22:36:25Z",
  })
  void everyExampleAlert_readsTheSameFromJsonAndAvro(String name, LvkAlertType type, String created) {
    LvkAlert json = read("MS181101ab-" + name + ".json");
    LvkAlert avro = read("MS181101ab-" + name + ".avro");
    for (LvkAlert a : new LvkAlert[] {json, avro}) {
      assertEquals("MS181101ab", a.supereventId());
      assertEquals(LvkAlert.Kind.MOCK, a.kind());
      assertTrue(a.isMockOrTest());
      assertEquals(type, a.alertType());
      if (created != null) {
        assertEquals(Instant.parse(created), a.timeCreated());
      }
      assertEquals("https://example.org/superevents/MS181101ab/view/", a.urls().get("gracedb"));
    }
    assertEquals(LvkAlert.Format.GCN_JSON, json.format());
    assertEquals(LvkAlert.Format.SCIMMA_AVRO, avro.format());
    assertEquals(json.timeCreated(), avro.timeCreated());
    assertEquals(json.event() == null, avro.event() == null);
    if (json.event() != null) {
      assertEquals(json.event().farHz(), avro.event().farHz(), 0);
      assertEquals(json.event().instruments(), avro.event().instruments());
      assertEquals(json.event().classification(), avro.event().classification());
      assertEquals(json.event().properties(), avro.event().properties());
      assertEquals(json.event().skymap().size(), avro.event().skymap().size());
    }
  }

  @Test
  void retraction_hasNoEventAndNoSkymap() {
    for (String f : new String[] {"MS181101ab-retraction.json", "MS181101ab-retraction.avro"}) {
      LvkAlert a = read(f);
      assertNull(a.event(), f);
      assertNull(a.externalCoinc(), f);
    }
  }

  @Test
  void eventSkymap_isTheExampleBayestarMap() {
    Skymap expected = SkymapReader.read(TestData.dataBytes("lvk/bayestar.multiorder.fits"));
    for (String f : new String[] {"MS181101ab-preliminary.json", "MS181101ab-preliminary.avro"}) {
      LvkEvent e = read(f).event();
      assertEquals("2018-11-01T22:22:46.654Z", e.timeIso());
      assertEquals(9.11069936486e-14, e.farHz(), 0);
      assertEquals("CBC", e.group());
      assertEquals("gstlal", e.pipeline());
      assertEquals(0.95, e.classification().get("BNS"), 0);
      Skymap m = e.skymap();
      assertEquals(expected.size(), m.size());
      for (int i = 0; i < m.size(); i += 101) {
        assertEquals(expected.uniq(i), m.uniq(i));
        assertEquals(expected.probDensityPerSr(i), m.probDensityPerSr(i), 0);
      }
    }
  }

  @Test
  void externalCoincidenceUpdate_carriesTheCombinedSkymap() {
    Skymap expected = SkymapReader.read(TestData.dataBytes("lvk/combined-ext.multiorder.fits"));
    for (String f : new String[] {"MS181101ab-ext-update.json", "MS181101ab-ext-update.avro"}) {
      LvkExternalCoinc x = read(f).externalCoinc();
      assertNotNull(x, f);
      assertEquals(524666471, x.gcnNoticeId());
      assertEquals("Fermi", x.observatory());
      assertEquals("GRB", x.search());
      assertEquals(2.02, x.timeDifferenceS(), 0);
      assertEquals(6.410749524018777e-16, x.timeSkyPositionCoincidenceFarHz(), 0);
      assertEquals(expected.size(), x.combinedSkymap().size());
      assertEquals(expected.index().gcnCredibleAreaDeg2(0.9), x.combinedSkymap().index().gcnCredibleAreaDeg2(0.9), 0);
    }
  }

  @Test
  void bareAvroBody_withTheIgwnSchema_isAccepted() throws Exception {
    byte[] container = TestData.dataBytes("lvk/MS181101ab-initial.avro");
    Alert alert;
    try (DataFileReader<Alert> r = new DataFileReader<>(new SeekableByteArrayInput(container),
        new SpecificDatumReader<>(Alert.class))) {
      alert = r.next();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(Alert.class).write(alert, enc);
    enc.flush();
    LvkAlert a = LvkAlertReader.read(out.toByteArray());
    assertEquals(LvkAlertType.INITIAL, a.alertType());
    assertEquals(LvkAlert.Format.SCIMMA_AVRO, a.format());
    assertEquals(19_200, a.event().skymap().size());
  }

  @Test
  void jsonWithLeadingWhitespace_isSniffedAsJson() {
    byte[] raw = TestData.dataBytes("lvk/MS181101ab-retraction.json");
    byte[] padded = new byte[raw.length + 3];
    padded[0] = ' ';
    padded[1] = '\n';
    padded[2] = '\t';
    System.arraycopy(raw, 0, padded, 3, raw.length);
    assertEquals(LvkAlert.Format.GCN_JSON, LvkAlertReader.read(padded).format());
  }

  private static ObjectNode json(String file) throws Exception {
    return (ObjectNode) JSON.readTree(TestData.dataBytes("lvk/" + file));
  }

  private static InvalidAlertException rejected(ObjectNode alert) throws Exception {
    byte[] bytes = JSON.writeValueAsBytes(alert);
    return assertThrows(InvalidAlertException.class, () -> LvkAlertReader.read(bytes));
  }

  @Test
  void missingSupereventId_isRejectedAsMissingField() throws Exception {
    ObjectNode a = json("MS181101ab-retraction.json");
    a.remove("superevent_id");
    InvalidAlertException e = rejected(a);
    assertEquals(Reason.MISSING_FIELD, e.reason());
    assertTrue(e.getMessage().contains("superevent_id"), e.getMessage());
  }

  @Test
  void missingEventField_isRejectedNamingIt() throws Exception {
    ObjectNode a = json("MS181101ab-preliminary.json");
    ((ObjectNode) a.get("event")).remove("far");
    InvalidAlertException e = rejected(a);
    assertEquals(Reason.MISSING_FIELD, e.reason());
    assertTrue(e.getMessage().contains("far"), e.getMessage());
  }

  @Test
  void unknownAlertType_isRejected() throws Exception {
    ObjectNode a = json("MS181101ab-retraction.json");
    a.put("alert_type", "SUPERSEDED");
    assertEquals(Reason.UNKNOWN_ALERT_TYPE, rejected(a).reason());
  }

  @Test
  void earlyWarningWithUnderscore_isAccepted() throws Exception {
    ObjectNode a = json("MS181101ab-retraction.json");
    a.put("alert_type", "EARLY_WARNING");
    assertEquals(LvkAlertType.EARLYWARNING, LvkAlertReader.read(JSON.writeValueAsBytes(a)).alertType());
  }

  @Test
  void badBase64Skymap_isRejected() throws Exception {
    ObjectNode a = json("MS181101ab-preliminary.json");
    ((ObjectNode) a.get("event")).put("skymap", "not*base64!");
    assertEquals(Reason.BAD_BASE64, rejected(a).reason());
  }

  @Test
  void skymapWithoutTheRightColumns_isRejectedAsBadSkymap() throws Exception {
    ObjectNode a = json("MS181101ab-preliminary.json");
    byte[] notAMap = TestData.dataBytes("jwst/uncover-v4_prism-clear_2561_45924.spec.fits");
    ((ObjectNode) a.get("event")).put("skymap", Base64.getEncoder().encodeToString(notAMap));
    InvalidAlertException e = rejected(a);
    assertEquals(Reason.BAD_SKYMAP, e.reason());
    assertTrue(e.getCause() instanceof InvalidSkymapException);
  }

  @Test
  void supereventIdWithForbiddenCharactersOrUnknownPrefix_isRejected() throws Exception {
    for (String id : new String[] {"S230518h; DROP", "X181101ab", ""}) {
      ObjectNode a = json("MS181101ab-retraction.json");
      a.put("superevent_id", id);
      assertEquals(Reason.BAD_SUPEREVENT_ID, rejected(a).reason(), id);
    }
  }

  @Test
  void realAndTestIds_areClassifiedByTheirFirstLetter() throws Exception {
    ObjectNode a = json("MS181101ab-retraction.json");
    a.put("superevent_id", "S230518h");
    assertEquals(LvkAlert.Kind.REAL, LvkAlertReader.read(JSON.writeValueAsBytes(a)).kind());
    assertFalse(LvkAlertReader.read(JSON.writeValueAsBytes(a)).isMockOrTest());
    a.put("superevent_id", "TS190425a");
    assertEquals(LvkAlert.Kind.TEST, LvkAlertReader.read(JSON.writeValueAsBytes(a)).kind());
  }

  @Test
  void oversizedAlert_isRejectedBeforeParsing() {
    byte[] big = TestData.dataBytes("lvk/MS181101ab-ext-update.json");
    AlertLimits small = new AlertLimits(1 << 20, AlertLimits.DEFAULT.skymap());
    assertEquals(Reason.TOO_LARGE, assertThrows(InvalidAlertException.class,
        () -> LvkAlertReader.read(big, small)).reason());
  }

  /** Zig-zag varint of a long, as Avro writes lengths. */
  private static byte[] varint(long n) {
    long z = (n << 1) ^ (n >> 63);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while ((z & ~0x7FL) != 0) {
      out.write((int) ((z & 0x7F) | 0x80));
      z >>>= 7;
    }
    out.write((int) z);
    return out.toByteArray();
  }

  @Test
  void hostileLengthPrefixInABareBody_isRejectedWithoutAllocatingIt() throws Exception {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(0); // alert_type EARLYWARNING
    body.write(varint(1_900_000_000L)); // time_created claims 1.9 GB
    body.write(new byte[16]);
    InvalidAlertException e = assertThrows(InvalidAlertException.class,
        () -> LvkAlertReader.read(body.toByteArray()));
    assertEquals(Reason.UNKNOWN_FORMAT, e.reason());
    assertTrue(e.getMessage().contains("string length within the"), e.getMessage());
  }

  @Test
  void hostileBlockSizeInAContainer_isRejectedWithoutAllocatingIt() throws Exception {
    byte[] real = TestData.dataBytes("lvk/MS181101ab-retraction.avro");
    // Keep the header up to and including the sync marker, then claim a 1.9 GB block.
    int headerEnd = real.length;
    byte[] sync = java.util.Arrays.copyOfRange(real, real.length - 16, real.length);
    for (int i = 4; i + 16 <= real.length - 16; i++) {
      if (java.util.Arrays.equals(java.util.Arrays.copyOfRange(real, i, i + 16), sync)) {
        headerEnd = i + 16;
        break;
      }
    }
    ByteArrayOutputStream hostile = new ByteArrayOutputStream();
    hostile.write(real, 0, headerEnd);
    hostile.write(varint(1));
    hostile.write(varint(1_900_000_000L));
    hostile.write(new byte[32]);
    InvalidAlertException e = assertThrows(InvalidAlertException.class,
        () -> LvkAlertReader.read(hostile.toByteArray()));
    assertEquals(Reason.MALFORMED_AVRO, e.reason());
    assertTrue(e.getMessage().contains("bytes length within the"), e.getMessage());
  }

  @Test
  void garbageBytes_andTruncatedJson_areRejectedWithReasons() {
    assertEquals(Reason.UNKNOWN_FORMAT, assertThrows(InvalidAlertException.class,
        () -> LvkAlertReader.read(new byte[] {(byte) 0xff, 0x01, 0x02, 0x7f, 0x55})).reason());
    assertEquals(Reason.MALFORMED_JSON, assertThrows(InvalidAlertException.class,
        () -> LvkAlertReader.read("{\"alert_type\": ".getBytes(StandardCharsets.UTF_8))).reason());
    byte[] avro = TestData.dataBytes("lvk/MS181101ab-initial.avro");
    byte[] truncated = java.util.Arrays.copyOf(avro, avro.length / 2);
    assertEquals(Reason.MALFORMED_AVRO, assertThrows(InvalidAlertException.class,
        () -> LvkAlertReader.read(truncated)).reason());
  }
}
