package org.leain.hostile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.leain.hostile.HostileCase.Owner;
import org.leain.hostile.HostileCase.Recipe;

/**
 * Damaged LVK notices on {@code igwn.gwalert}: JSON with missing or mistyped fields, unknown
 * alert types, bad ids, bad base64, malformed JSON and Avro, broken embedded sky maps, and
 * sequences the normaliser must treat as no-ops (duplicates, older notices, retractions). The
 * expected reasons follow the definitions in {@code InvalidAlertException.Reason} and
 * {@code InvalidSkymapException.Reason}; the dead-letter codes the definitions in the DeadLetter
 * schema.
 */
final class AlertCases {

  static final String TOPIC = "igwn.gwalert";
  private static final String KEY = Templates.SUPEREVENT_ID;

  private AlertCases() {}

  static void addTo(CaseList cases, SplittableRandom random, Path repositoryRoot) {
    missingFields(cases);
    mistypedFields(cases);
    alertTypesAndIds(cases);
    base64AndJson(cases, random);
    skymaps(cases);
    avro(cases, random, repositoryRoot);
    sequences(cases);
    cases.generated("alert-json-nine-mebibytes", TOPIC, KEY, Owner.LVK_ALERT_READER, "TOO_LARGE", null, "OVERSIZE",
        "a 9 MiB notice (the template padded with whitespace): over the 8 MiB alert limit",
        new Recipe("alert-padded", 9L << 20), 64);
    cases.generated("alert-json-nested-one-hundred-thousand", TOPIC, KEY, Owner.LVK_ALERT_READER, "MALFORMED_JSON",
        null, "UNREADABLE_PAYLOAD", "a notice whose urls value nests 100,000 arrays: the parser's depth limit "
            + "refuses it (no stack overflow)", new Recipe("alert-nesting", 100_000), 64);
    cases.generated("alert-gzip-bomb-skymap", TOPIC, KEY, Owner.LVK_ALERT_READER, "BAD_SKYMAP", "TOO_LARGE",
        "INVALID_SKYMAP", "event.skymap is ~100 KB of gzip that inflates to 100 MiB, over the alert's 64 MiB "
            + "skymap limit: decompression stops at the limit", new Recipe("alert-gzip-bomb", 100L << 20), 400);
    cases.generated("alert-skymap-claims-five-million-rows", TOPIC, KEY, Owner.LVK_ALERT_READER, "BAD_SKYMAP",
        "NOT_FITS", "INVALID_SKYMAP", "event.skymap's table header says NAXIS2 = 5,000,000 rows with 48 rows of "
            + "data: the data section is short, so the file is unreadable. FINDING: the FITS library allocates "
            + "for the claimed rows (~77 MiB here) before the reader's row limit is checked",
        new Recipe("alert-rows-claim", 5_000_000), 96);
    cases.generated("alert-skymap-one-point-one-million-rows", TOPIC, KEY, Owner.LVK_ALERT_READER, "BAD_SKYMAP",
        "TOO_LARGE", "INVALID_SKYMAP", "event.skymap is a real table of 1,100,000 rows (order-10 pixels), over "
            + "the alert's 1,048,576-row limit", new Recipe("alert-rows", 1_100_000), 256);
  }

  private static void add(CaseList cases, String name, String expected, String dlq, String description,
      Consumer<ObjectNode> mutation) {
    ObjectNode alert = Templates.alert();
    mutation.accept(alert);
    cases.add(name, TOPIC, KEY, Owner.LVK_ALERT_READER, expected, dlq, description, Templates.bytes(alert));
  }

  private static ObjectNode event(ObjectNode alert) {
    return (ObjectNode) alert.get("event");
  }

  private static void missingFields(CaseList cases) {
    for (String field : List.of("superevent_id", "alert_type", "time_created")) {
      add(cases, "alert-missing-" + field.replace('_', '-'), "MISSING_FIELD", "INVALID_RECORD",
          "required field " + field + " absent", a -> a.remove(field));
      add(cases, "alert-null-" + field.replace('_', '-'), "MISSING_FIELD", "INVALID_RECORD",
          "required field " + field + " is null", a -> a.putNull(field));
    }
    for (String field : List.of("time", "far", "significant", "instruments", "group", "pipeline", "search")) {
      add(cases, "alert-missing-event-" + field, "MISSING_FIELD", "INVALID_RECORD",
          "required field event." + field + " absent", a -> event(a).remove(field));
    }
    add(cases, "alert-null-event-far", "MISSING_FIELD", "INVALID_RECORD", "event.far is null",
        a -> event(a).putNull("far"));
    add(cases, "alert-external-coinc-without-notice-id", "MISSING_FIELD", "INVALID_RECORD",
        "external_coinc lacks its required gcn_notice_id", a -> {
          ObjectNode coinc = a.putObject("external_coinc");
          coinc.put("ivorn", "ivo://example/hostile");
          coinc.put("observatory", "Fermi");
          coinc.put("search", "GRB");
          coinc.put("time_difference", -1.5);
        });
  }

  private static void mistypedFields(CaseList cases) {
    add(cases, "alert-superevent-id-number", "BAD_FIELD", "INVALID_RECORD", "superevent_id is the number 991231",
        a -> a.put("superevent_id", 991231));
    add(cases, "alert-alert-type-number", "BAD_FIELD", "INVALID_RECORD", "alert_type is the number 1",
        a -> a.put("alert_type", 1));
    add(cases, "alert-time-created-number", "BAD_FIELD", "INVALID_RECORD", "time_created is a number",
        a -> a.put("time_created", 1.7e9));
    add(cases, "alert-time-created-not-iso", "BAD_FIELD", "INVALID_RECORD", "time_created is 'yesterday'",
        a -> a.put("time_created", "yesterday"));
    add(cases, "alert-time-created-impossible-date", "BAD_FIELD", "INVALID_RECORD",
        "time_created is 2099-13-45T99:00:00Z", a -> a.put("time_created", "2099-13-45T99:00:00Z"));
    add(cases, "alert-far-string", "BAD_FIELD", "INVALID_RECORD", "event.far is the string \"9e-14\"",
        a -> event(a).put("far", "9e-14"));
    add(cases, "alert-far-boolean", "BAD_FIELD", "INVALID_RECORD", "event.far is true",
        a -> event(a).put("far", true));
    add(cases, "alert-event-string", "BAD_FIELD", "INVALID_RECORD", "event is a string",
        a -> a.put("event", "an event"));
    add(cases, "alert-event-number", "BAD_FIELD", "INVALID_RECORD", "event is a number", a -> a.put("event", 42));
    add(cases, "alert-group-number", "BAD_FIELD", "INVALID_RECORD", "event.group is a number",
        a -> event(a).put("group", 7));
    add(cases, "alert-classification-array", "BAD_FIELD", "INVALID_RECORD", "event.classification is an array",
        a -> event(a).putArray("classification").add(0.5));
    add(cases, "alert-classification-value-string", "BAD_FIELD", "INVALID_RECORD",
        "event.classification.BNS is the string \"high\"", a -> ((ObjectNode) event(a).get("classification"))
            .put("BNS", "high"));
    add(cases, "alert-properties-value-boolean", "BAD_FIELD", "INVALID_RECORD", "event.properties.HasNS is true",
        a -> ((ObjectNode) event(a).get("properties")).put("HasNS", true));
    add(cases, "alert-duration-string", "BAD_FIELD", "INVALID_RECORD", "event.duration is \"long\"",
        a -> event(a).put("duration", "long"));
    add(cases, "alert-external-coinc-array", "BAD_FIELD", "INVALID_RECORD", "external_coinc is an array",
        a -> a.putArray("external_coinc").add(1));
    add(cases, "alert-skymap-number", "BAD_FIELD", "INVALID_RECORD", "event.skymap is a number",
        a -> event(a).put("skymap", 12345));
    // By InvalidAlertException's definitions these two are BAD_FIELD; LvkAlertReader reports
    // MISSING_FIELD (it treats a non-boolean / non-array as absent). Same dead-letter code; reported.
    add(cases, "alert-significant-string", "MISSING_FIELD", "INVALID_RECORD", "event.significant is \"yes\" "
        + "(the reader calls a non-boolean absent: MISSING_FIELD, where BAD_FIELD would be more precise)",
        a -> event(a).put("significant", "yes"));
    add(cases, "alert-instruments-string", "MISSING_FIELD", "INVALID_RECORD", "event.instruments is \"H1,L1\" "
        + "(the reader calls a non-array absent: MISSING_FIELD, where BAD_FIELD would be more precise)",
        a -> event(a).put("instruments", "H1,L1"));
  }

  private static void alertTypesAndIds(CaseList cases) {
    String[][] types = {{"retracted", "RETRACTED"}, {"update-2", "UPDATE_2"}, {"empty", ""},
        {"lowercase", "preliminary"}, {"notice", "NOTICE"}, {"nul-prefixed", "\u0000PRELIMINARY"}};
    for (String[] t : types) {
      add(cases, "alert-type-" + t[0], "UNKNOWN_ALERT_TYPE", "INVALID_RECORD",
          "alert_type \"" + t[1].replace("\u0000", "\\u0000") + "\" is no igwn.alerts.v1_0 symbol",
          a -> a.put("alert_type", t[1]));
    }
    String[][] ids = {{"space", "S 991231hz"}, {"pipe", "S9912|31hz"}, {"empty", ""},
        {"sixty-five-chars", "S" + "a".repeat(64)}, {"wrong-prefix", "X991231hz"}, {"newline", "S991231hz\n"},
        {"path", "../../etc/passwd"}, {"fullwidth-digit", "S99123\uFF11hz"}, {"semicolon", "S991231hz;DROP"},
        {"percent", "%53991231hz"}};
    for (String[] id : ids) {
      add(cases, "alert-id-" + id[0], "BAD_SUPEREVENT_ID", "INVALID_ID",
          "superevent_id " + Templates.JSON.valueToTree(id[1]) + " breaks [A-Za-z0-9._:-]{1,64} starting S, M or T",
          a -> a.put("superevent_id", id[1]));
    }
  }

  private static void base64AndJson(CaseList cases, SplittableRandom random) {
    String[][] bad = {{"bang", "!!!!notbase64"}, {"dollar", "QUJD$EFG"}, {"inner-padding", "Zm9v=YmFy"},
        {"non-ascii", "Zm9v\u00e9YmFy"}, {"url-alphabet", "-_-_-_-_"}};
    for (String[] b : bad) {
      add(cases, "alert-base64-" + b[0], "BAD_BASE64", "INVALID_SKYMAP",
          "event.skymap " + Templates.JSON.valueToTree(b[1]) + " is not base64", a -> event(a).put("skymap", b[1]));
    }
    String fits = Base64.getEncoder().encodeToString(SkymapFits.template());
    add(cases, "alert-base64-cut-mid-quantum", "BAD_BASE64", "INVALID_SKYMAP",
        "event.skymap's base64 cut one character into a 4-character quantum",
        a -> event(a).put("skymap", fits.substring(0, (fits.length() / 4) * 4 - 3)));
    add(cases, "alert-combined-skymap-bad-base64", "BAD_BASE64", "INVALID_SKYMAP",
        "external_coinc.combined_skymap is not base64", a -> {
          ObjectNode coinc = a.putObject("external_coinc");
          coinc.put("gcn_notice_id", 12345);
          coinc.put("ivorn", "ivo://example/hostile");
          coinc.put("observatory", "Fermi");
          coinc.put("search", "GRB");
          coinc.put("time_difference", -1.5);
          coinc.put("combined_skymap", "***");
        });

    byte[] valid = Templates.bytes(Templates.alert());
    int[] cuts = random.ints(6, 2, valid.length - 2).sorted().distinct().toArray();
    for (int cut : cuts) {
      cases.add(String.format("alert-json-truncated-%05d", cut), TOPIC, KEY, Owner.LVK_ALERT_READER,
          "MALFORMED_JSON", "UNREADABLE_PAYLOAD", "the first " + cut + " of " + valid.length + " bytes of the notice",
          Arrays.copyOf(valid, cut));
    }
    String[][] malformed = {{"single-quotes", "{'superevent_id': 'MS991231hz'}"},
        {"unquoted-key", "{superevent_id: \"MS991231hz\"}"},
        {"nan-literal", "{\"superevent_id\": \"MS991231hz\", \"alert_type\": \"PRELIMINARY\", \"far\": NaN}"},
        {"long-number", "{\"superevent_id\": \"MS991231hz\", \"x\": " + "9".repeat(5000) + "}"},
        {"top-level-string-in-object", "{\"superevent_id\"}"},
        {"comment", "{/* c */ \"superevent_id\": \"MS991231hz\"}"}};
    for (String[] m : malformed) {
      cases.add("alert-json-" + m[0], TOPIC, KEY, Owner.LVK_ALERT_READER, "MALFORMED_JSON", "UNREADABLE_PAYLOAD",
          "not JSON: " + (m[1].length() > 60 ? m[1].substring(0, 60) + "..." : m[1]), Templates.text(m[1]));
    }
    byte[] invalidUtf8 = Templates.text("{\"superevent_id\": \"MS991231hz\", \"alert_type\": \"PRELIM\"}");
    invalidUtf8[invalidUtf8.length - 5] = (byte) 0xC3; // a lead byte followed by ASCII
    cases.add("alert-json-invalid-utf8", TOPIC, KEY, Owner.LVK_ALERT_READER, "MALFORMED_JSON", "UNREADABLE_PAYLOAD",
        "a string holding an invalid UTF-8 sequence (0xC3 then ASCII)", invalidUtf8);
    cases.add("alert-empty", TOPIC, KEY, Owner.LVK_ALERT_READER, "UNKNOWN_FORMAT", "UNREADABLE_PAYLOAD",
        "a zero-length notice", new byte[0]);
  }

  private static void skymap(CaseList cases, String name, String cause, String description, byte[] fits) {
    ObjectNode alert = Templates.alert();
    event(alert).put("skymap", Base64.getEncoder().encodeToString(fits));
    cases.add(new HostileCase("alert-skymap-" + name, TOPIC, KEY, Owner.LVK_ALERT_READER, "BAD_SKYMAP", cause,
        "INVALID_SKYMAP", description, null, HostileCase.DEFAULT_MAX_ALLOCATED_MIB, List.of()), Templates.bytes(alert));
  }

  private static void skymaps(CaseList cases) {
    long[] uniq = SkymapFits.templateUniq();
    double[] density = SkymapFits.normalisedDensity(uniq.length);
    int n = uniq.length;
    skymap(cases, "no-uniq-column", "MISSING_COLUMN", "ORDERING = NUNIQ but no UNIQ column",
        SkymapFits.gzip(SkymapFits.table("NUNIQ", new String[] {"PROBDENSITY"}, new Object[] {density})));
    skymap(cases, "no-probdensity-column", "MISSING_COLUMN", "UNIQ but no PROBDENSITY column",
        SkymapFits.gzip(SkymapFits.table("NUNIQ", new String[] {"UNIQ", "DISTMU"},
            new Object[] {uniq, SkymapFits.constant(n, 100)})));
    skymap(cases, "probdensity-misnamed", "MISSING_COLUMN", "the density column is named PROB_DENSITY",
        SkymapFits.gzip(SkymapFits.table("NUNIQ", new String[] {"UNIQ", "PROB_DENSITY"}, new Object[] {uniq, density})));
    skymap(cases, "flat-without-prob", "MISSING_COLUMN", "ORDERING = NESTED with no PROB column",
        SkymapFits.gzip(SkymapFits.table("NESTED", new String[] {"DISTMU"}, new Object[] {SkymapFits.constant(48, 1)})));
    skymap(cases, "ordering-hilbert", "BAD_ORDERING", "ORDERING = HILBERT",
        SkymapFits.nuniq("HILBERT", uniq, density));
    skymap(cases, "flat-thirteen-pixels", "BAD_ORDERING", "a flat NESTED map of 13 pixels (no 12 nside^2)",
        SkymapFits.gzip(SkymapFits.table("NESTED", new String[] {"PROB"},
            new Object[] {SkymapFits.constant(13, 1.0 / 13)})));
    long[][] badUniq = {{0}, {3}, {-7}, {4L * (1L << 60)}, {Long.MAX_VALUE}, {Long.MIN_VALUE}};
    String[] badUniqNames = {"zero", "three", "negative", "order-thirty", "long-max", "long-min"};
    for (int k = 0; k < badUniq.length; k++) {
      long[] u = uniq.clone();
      u[17] = badUniq[k][0];
      skymap(cases, "uniq-" + badUniqNames[k], "INVALID_UNIQ", "pixel 17's UNIQ is " + badUniq[k][0]
          + ": no pixel at orders 0..29", SkymapFits.nuniq("NUNIQ", u, density));
    }
    long[] duplicate = uniq.clone();
    duplicate[1] = duplicate[0];
    skymap(cases, "duplicate-pixel", "NOT_A_TILING", "pixel 0 twice (pixel 1 absent); probabilities still sum to 1",
        SkymapFits.nuniq("NUNIQ", duplicate, density));
    skymap(cases, "missing-pixel", "NOT_A_TILING", "47 of the 48 pixels, renormalised to sum to 1",
        SkymapFits.nuniq("NUNIQ", Arrays.copyOf(uniq, 47), SkymapFits.normalisedDensity(47)));
    long[] nested = Arrays.copyOf(uniq, n + 1);
    nested[n] = 4; // order-0 pixel 0, the parent of order-1 pixels 0..3
    double[] nestedDensity = Arrays.copyOf(density, n + 1);
    double scale = 1.0 / (1.0 + density[0] * 4 / density.length);
    for (int i = 0; i < nestedDensity.length; i++) {
      nestedDensity[i] = (i < n ? density[i] : density[0]) * scale;
    }
    skymap(cases, "nested-pixels", "NOT_A_TILING", "order-0 pixel 0 together with its four order-1 children",
        SkymapFits.nuniq("NUNIQ", nested, nestedDensity));
    double[][] scales = {{0.5}, {2}, {1.001}, {1 + 1e-5}, {0}};
    String[] scaleNames = {"half", "double", "one-per-mille-over", "ten-ppm-over", "all-zero"};
    for (int k = 0; k < scales.length; k++) {
      double[] d = density.clone();
      for (int i = 0; i < n; i++) {
        d[i] *= scales[k][0];
      }
      skymap(cases, "sum-" + scaleNames[k], "NOT_NORMALISED", "probabilities sum to " + scales[k][0]
          + " (tolerance 1e-6)", SkymapFits.nuniq("NUNIQ", uniq, d));
    }
    double[] badValues = {Double.NaN, Double.POSITIVE_INFINITY, -1e-3, Double.NEGATIVE_INFINITY};
    String[] badNames = {"nan", "inf", "negative", "minus-inf"};
    for (int k = 0; k < badValues.length; k++) {
      double[] d = density.clone();
      d[5] = badValues[k];
      skymap(cases, "density-" + badNames[k], "BAD_DENSITY", "pixel 5's PROBDENSITY is " + badValues[k],
          SkymapFits.nuniq("NUNIQ", uniq, d));
    }
    skymap(cases, "not-fits", "NOT_FITS", "valid base64 of the text 'hello world'", Templates.text("hello world"));
    skymap(cases, "primary-hdu-only", "NO_TABLE", "a FITS file with only an empty primary HDU",
        SkymapFits.primaryOnly());
    byte[] plain = SkymapFits.table("NUNIQ", new String[] {"UNIQ", "PROBDENSITY"}, new Object[] {uniq, density});
    skymap(cases, "fits-cut-in-table-header", "NOT_FITS", "the FITS file cut 100 bytes into the table header",
        Arrays.copyOf(plain, 2880 + 100));
    byte[] gzip = SkymapFits.template();
    skymap(cases, "gzip-cut", "NOT_FITS", "the gzip stream cut in half", Arrays.copyOf(gzip, gzip.length / 2));
  }

  private static void avro(CaseList cases, SplittableRandom random, Path root) {
    byte[] retraction;
    try {
      retraction = Files.readAllBytes(root.resolve("data/lvk/MS181101ab-retraction.avro"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] cuts = random.ints(6, 8, retraction.length).sorted().distinct().toArray();
    for (int cut : cuts) {
      cases.add(String.format("alert-avro-container-truncated-%05d", cut), TOPIC, "MS181101ab",
          Owner.LVK_ALERT_READER, "MALFORMED_AVRO", "UNREADABLE_PAYLOAD", "the first " + cut + " of "
              + retraction.length + " bytes of the real SCiMMA Avro retraction of MS181101ab (an Avro container)",
          Arrays.copyOf(retraction, cut));
    }
  }

  private static void sequences(CaseList cases) {
    // Sequence A: UPDATE, then older and duplicate notices of the same superevent.
    ObjectNode update = Templates.alert();
    update.put("superevent_id", "MS991231ha");
    update.put("alert_type", "UPDATE");
    update.put("time_created", "2099-12-31T23:40:00Z");
    cases.add(new HostileCase("normaliser-a-update", TOPIC, "MS991231ha", Owner.NORMALISER, "ACCEPTED", null, null,
        "a valid UPDATE: version 1 of MS991231ha (the baseline the next cases are compared with)", null,
        HostileCase.DEFAULT_MAX_ALLOCATED_MIB, List.of()), Templates.bytes(update));
    cases.add(new HostileCase("normaliser-a-duplicate-update", TOPIC, "MS991231ha", Owner.NORMALISER, "NO_OP", null,
        null, "the same UPDATE again (a redelivery): no new version, no dead letter", null,
        HostileCase.DEFAULT_MAX_ALLOCATED_MIB, List.of("normaliser-a-update")), Templates.bytes(update));
    ObjectNode older = Templates.alert();
    older.put("superevent_id", "MS991231ha");
    older.put("alert_type", "PRELIMINARY");
    older.put("time_created", "2099-12-31T23:50:00Z");
    cases.add(new HostileCase("normaliser-a-preliminary-after-update", TOPIC, "MS991231ha", Owner.NORMALISER,
        "NO_OP", null, null, "a PRELIMINARY arriving after the UPDATE (lower rank, even though created later): "
            + "stale, no new version, no dead letter", null, HostileCase.DEFAULT_MAX_ALLOCATED_MIB,
        List.of("normaliser-a-update")), Templates.bytes(older));
    ObjectNode earlier = Templates.alert();
    earlier.put("superevent_id", "MS991231ha");
    earlier.put("alert_type", "UPDATE");
    earlier.put("time_created", "2099-12-31T23:20:00Z");
    cases.add(new HostileCase("normaliser-a-earlier-update", TOPIC, "MS991231ha", Owner.NORMALISER, "NO_OP", null,
        null, "an UPDATE created before the current UPDATE, arriving after it: stale", null,
        HostileCase.DEFAULT_MAX_ALLOCATED_MIB, List.of("normaliser-a-update")), Templates.bytes(earlier));
    // Sequence B: a retraction of a superevent never seen, then a notice for it.
    byte[] retraction = Templates.text("{\"alert_type\": \"RETRACTION\", \"time_created\": \"2099-12-31T23:59:00Z\", "
        + "\"superevent_id\": \"MS991231hb\", \"urls\": {}, \"event\": null, \"external_coinc\": null}");
    cases.add(new HostileCase("normaliser-b-retraction-of-unknown-superevent", TOPIC, "MS991231hb", Owner.NORMALISER,
        "NO_OP", null, null, "a RETRACTION of a superevent LEAIN never saw: recorded (sticky) as version 1 with "
            + "nothing to withdraw; no association, no posterior, no dead letter", null,
        HostileCase.DEFAULT_MAX_ALLOCATED_MIB, List.of()), retraction);
    ObjectNode revived = Templates.alert();
    revived.put("superevent_id", "MS991231hb");
    revived.put("alert_type", "UPDATE");
    revived.put("time_created", "2100-01-01T00:30:00Z");
    cases.add(new HostileCase("normaliser-b-update-after-retraction", TOPIC, "MS991231hb", Owner.NORMALISER, "NO_OP",
        null, null, "an UPDATE after the RETRACTION: retraction is sticky, nothing changes", null,
        HostileCase.DEFAULT_MAX_ALLOCATED_MIB, List.of("normaliser-b-retraction-of-unknown-superevent")),
        Templates.bytes(revived));
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
