package org.leain.hostile;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.AvroCodec;
import org.leain.hostile.HostileCase.Owner;
import org.leain.hostile.HostileCase.Recipe;

/**
 * Damaged single-object Avro payloads on the two Avro input topics. The expected kind follows
 * from how the bytes were damaged, by the single-object format itself: a prefix of a valid
 * payload is TRUNCATED; a flipped marker bit is WRONG_MARKER; a flipped fingerprint bit names no
 * released schema (UNKNOWN_FINGERPRINT); another record's fingerprint is WRONG_RECORD; bytes after
 * a complete body are CORRUPT, as are negative lengths and out-of-range union/enum indexes; a
 * length beyond Avro's decoding limits is LIMIT_EXCEEDED.
 */
final class AvroCases {

  static final String SPECTRA = "leain.jwst.spectra";
  static final String CANDIDATES = "leain.gw.candidates";
  /** Marks the wavelength array in the template so its count prefix can be found. */
  private static final double SENTINEL_UM = 4.0123456789;

  private AvroCases() {}

  static void addTo(CaseList cases, SplittableRandom random) {
    Spectrum spectrum = Templates.spectrum();
    byte[] spectrumBytes = AvroCodec.of(Spectrum.class).encode(spectrum);
    GwCandidate candidate = Templates.candidate();
    byte[] candidateBytes = AvroCodec.of(GwCandidate.class).encode(candidate);
    damage(cases, random, "spectrum", SPECTRA, Templates.SPECTRUM_ID, spectrumBytes);
    damage(cases, random, "candidate", CANDIDATES, Templates.SUPEREVENT_ID, candidateBytes);

    // Another record's fingerprint on each input topic.
    Class<?>[] others = {Association.class, DcbhPosterior.class, DeadLetter.class};
    for (Class<?> other : others) {
      String record = other.getSimpleName().toLowerCase(java.util.Locale.ROOT);
      cases.add("avro-spectra-" + record + "-fingerprint", SPECTRA, Templates.SPECTRUM_ID, Owner.AVRO_CODEC,
          "WRONG_RECORD", "UNKNOWN_SCHEMA", "A spectrum body headed by the fingerprint of LEAIN's "
              + other.getSimpleName() + " schema: a released schema, but not a Spectrum",
          withFingerprint(spectrumBytes, fingerprint(other)));
      cases.add("avro-candidates-" + record + "-fingerprint", CANDIDATES, Templates.SUPEREVENT_ID,
          Owner.AVRO_CODEC, "WRONG_RECORD", "UNKNOWN_SCHEMA", "A GwCandidate body headed by the fingerprint of "
              + other.getSimpleName(), withFingerprint(candidateBytes, fingerprint(other)));
    }
    cases.add("avro-spectra-candidate-payload", SPECTRA, Templates.SPECTRUM_ID, Owner.AVRO_CODEC,
        "WRONG_RECORD", "UNKNOWN_SCHEMA", "A complete, valid GwCandidate produced to the spectra topic",
        candidateBytes);
    cases.add("avro-candidates-spectrum-payload", CANDIDATES, Templates.SUPEREVENT_ID, Owner.AVRO_CODEC,
        "WRONG_RECORD", "UNKNOWN_SCHEMA", "A complete, valid Spectrum produced to the candidates topic",
        spectrumBytes);

    // The spectrum's wavelength array: claimed counts far beyond what the payload holds.
    Spectrum marked = Templates.spectrum();
    marked.setWavelengthUm(java.util.List.of(SENTINEL_UM));
    byte[] markedBytes = AvroCodec.of(Spectrum.class).encode(marked);
    int countAt = indexOfDouble(markedBytes, SENTINEL_UM) - 1;
    cases.add("avro-spectrum-array-claims-fifty-million", SPECTRA, Templates.SPECTRUM_ID, Owner.AVRO_CODEC,
        "LIMIT_EXCEEDED", "UNREADABLE_PAYLOAD", "wavelength_um's block count says 50,000,000 items in a "
            + markedBytes.length + "-byte payload: beyond the 2,097,152-item decoding limit, refused before allocating",
        replaceVarint(markedBytes, countAt, 50_000_000L));
    cases.add("avro-spectrum-array-claims-two-billion", SPECTRA, Templates.SPECTRUM_ID, Owner.AVRO_CODEC,
        "LIMIT_EXCEEDED", "UNREADABLE_PAYLOAD", "wavelength_um's block count says 2,000,000,000 items",
        replaceVarint(markedBytes, countAt, 2_000_000_000L));
    cases.add("avro-spectrum-array-claims-one-million", SPECTRA, Templates.SPECTRUM_ID, Owner.AVRO_CODEC,
        "TRUNCATED", "UNREADABLE_PAYLOAD", "wavelength_um's block count says 1,000,000 items (within the limit) "
            + "but the payload ends long before: the reader must not pre-allocate for the claim",
        replaceVarint(markedBytes, countAt, 1_000_000L));
    cases.add("avro-spectrum-array-negative-block-huge-size", SPECTRA, Templates.SPECTRUM_ID, Owner.AVRO_CODEC,
        "LIMIT_EXCEEDED", "UNREADABLE_PAYLOAD", "a negative block count (-40,000,000 items, Avro's sized-block form) "
            + "in wavelength_um", replaceVarint(markedBytes, countAt, -40_000_000L));

    // The first field (the id string): lengths beyond the limit, negative.
    for (Object[] target : new Object[][] {{"spectrum", SPECTRA, Templates.SPECTRUM_ID, spectrumBytes},
        {"candidate", CANDIDATES, Templates.SUPEREVENT_ID, candidateBytes}}) {
      String what = (String) target[0];
      String topic = (String) target[1];
      String key = (String) target[2];
      byte[] valid = (byte[]) target[3];
      cases.add("avro-" + what + "-id-length-one-gigabyte", topic, key, Owner.AVRO_CODEC, "LIMIT_EXCEEDED",
          "UNREADABLE_PAYLOAD", "the id string's length prefix says 2^30 bytes, beyond the 1 MiB string limit",
          replaceVarint(valid, 10, 1L << 30));
      cases.add("avro-" + what + "-id-length-negative", topic, key, Owner.AVRO_CODEC, "CORRUPT",
          "UNREADABLE_PAYLOAD", "the id string's length prefix is -5", replaceVarint(valid, 10, -5));
      cases.add("avro-" + what + "-empty-value", topic, key, Owner.AVRO_CODEC, "EMPTY", "UNREADABLE_PAYLOAD",
          "a zero-length value (not a tombstone: a tombstone is a null value)", new byte[0]);
      cases.add("avro-" + what + "-header-only", topic, key, Owner.AVRO_CODEC, "TRUNCATED", "UNREADABLE_PAYLOAD",
          "the 10-byte header and no body", Arrays.copyOf(valid, 10));
      cases.add("avro-" + what + "-json-instead", topic, key, Owner.AVRO_CODEC, "WRONG_MARKER",
          "UNREADABLE_PAYLOAD", "a JSON document where single-object Avro is expected",
          Templates.text("{\"" + what + "_id\": \"" + key + "\"}"));
    }

    // Out-of-range indexes: the candidate's alert_type enum, the spectrum's observation_time_ms union.
    int enumAt = 10 + varintLength(candidateBytes, 10) + Templates.SUPEREVENT_ID.length();
    cases.add("avro-candidate-alert-type-index-out-of-range", CANDIDATES, Templates.SUPEREVENT_ID,
        Owner.AVRO_CODEC, "CORRUPT", "UNREADABLE_PAYLOAD", "alert_type's enum index is 57 (the enum has 5 symbols)",
        replaceVarint(candidateBytes, enumAt, 57));
    int unionAt = 10 + varintLength(spectrumBytes, 10) + Templates.SPECTRUM_ID.length();
    unionAt += varintLength(spectrumBytes, unionAt) + spectrum.getTargetName().length() + 16;
    cases.add("avro-spectrum-union-index-out-of-range", SPECTRA, Templates.SPECTRUM_ID, Owner.AVRO_CODEC,
        "CORRUPT", "UNREADABLE_PAYLOAD", "observation_time_ms's union index is 7 (the union has 2 branches)",
        replaceVarint(spectrumBytes, unionAt, 7));

    // Arrays of millions of elements, really present: built on the fly.
    cases.generated("avro-spectrum-three-million-bins", SPECTRA, Templates.SPECTRUM_ID, Owner.AVRO_CODEC,
        "OVERSIZE", null, "OVERSIZE", "a well-formed Spectrum of 3,000,000 bins (~57 MB): over the codec's 8 MiB "
            + "cap, refused before decoding", new Recipe("spectrum-bins", 3_000_000), 400);
    cases.generated("avro-candidate-two-million-pixels", CANDIDATES, Templates.SUPEREVENT_ID, Owner.AVRO_CODEC,
        "OVERSIZE", null, "OVERSIZE", "a well-formed GwCandidate whose skymap has 2,000,000 pixels (~72 MB)",
        new Recipe("candidate-pixels", 2_000_000), 600);

    // Tombstones on the inputs: documented no-ops.
    cases.generated("avro-spectra-tombstone", SPECTRA, Templates.SPECTRUM_ID, Owner.AVRO_CODEC, "NO_OP", null,
        null, "a null value (tombstone) on the spectra topic: decodes to null and is skipped, no dead letter",
        new Recipe("tombstone", 0), HostileCase.DEFAULT_MAX_ALLOCATED_MIB);
    cases.generated("avro-candidates-tombstone", CANDIDATES, Templates.SUPEREVENT_ID, Owner.AVRO_CODEC, "NO_OP",
        null, null, "a null value (tombstone) on the compacted candidates topic: nothing to join, no dead letter",
        new Recipe("tombstone", 0), HostileCase.DEFAULT_MAX_ALLOCATED_MIB);
  }

  private static void damage(CaseList cases, SplittableRandom random, String what, String topic, String key,
      byte[] valid) {
    // Prefixes: every header length, then 20 cut points spread over the body.
    for (int cut = 1; cut < 10; cut++) {
      cases.add(String.format("avro-%s-truncated-header-%02d", what, cut), topic, key, Owner.AVRO_CODEC,
          "TRUNCATED", "UNREADABLE_PAYLOAD", "the first " + cut + " of " + valid.length + " bytes (inside the header)",
          Arrays.copyOf(valid, cut));
    }
    int[] cuts = random.ints(20, 11, valid.length).sorted().distinct().toArray();
    for (int cut : cuts) {
      cases.add(String.format("avro-%s-truncated-%05d", what, cut), topic, key, Owner.AVRO_CODEC, "TRUNCATED",
          "UNREADABLE_PAYLOAD", "the first " + cut + " of " + valid.length + " bytes", Arrays.copyOf(valid, cut));
    }
    for (int bit = 0; bit < 16; bit++) {
      byte[] flipped = valid.clone();
      flipped[bit / 8] ^= (byte) (1 << (bit % 8));
      cases.add(String.format("avro-%s-marker-bit-%02d", what, bit), topic, key, Owner.AVRO_CODEC, "WRONG_MARKER",
          "UNREADABLE_PAYLOAD", "bit " + (bit % 8) + " of marker byte " + (bit / 8) + " flipped", flipped);
    }
    for (int b = 2; b < 10; b++) {
      int bit = random.nextInt(8);
      byte[] flipped = valid.clone();
      flipped[b] ^= (byte) (1 << bit);
      cases.add(String.format("avro-%s-fingerprint-byte-%d-bit-%d", what, b, bit), topic, key, Owner.AVRO_CODEC,
          "UNKNOWN_FINGERPRINT", "UNKNOWN_SCHEMA", "bit " + bit + " of fingerprint byte " + (b - 2)
              + " flipped: a fingerprint no released schema has", flipped);
    }
    for (int extra = 1; extra <= 3; extra++) {
      byte[] longer = Arrays.copyOf(valid, valid.length + extra);
      for (int i = valid.length; i < longer.length; i++) {
        longer[i] = (byte) random.nextInt(256);
      }
      cases.add("avro-" + what + "-trailing-bytes-" + extra, topic, key, Owner.AVRO_CODEC, "CORRUPT",
          "UNREADABLE_PAYLOAD", extra + " random byte(s) after a complete body", longer);
    }
  }

  static long fingerprint(Class<?> recordClass) {
    try {
      org.apache.avro.Schema schema = (org.apache.avro.Schema) recordClass.getField("SCHEMA$").get(null);
      return SchemaNormalization.parsingFingerprint64(schema);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] withFingerprint(byte[] payload, long fingerprint) {
    byte[] out = payload.clone();
    for (int i = 0; i < 8; i++) {
      out[2 + i] = (byte) (fingerprint >>> (8 * i));
    }
    return out;
  }

  private static int indexOfDouble(byte[] bytes, double value) {
    long bits = Double.doubleToLongBits(value);
    outer:
    for (int i = 0; i + 8 <= bytes.length; i++) {
      for (int k = 0; k < 8; k++) {
        if (bytes[i + k] != (byte) (bits >>> (8 * k))) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("Expected the sentinel in the payload. Actual: absent");
  }

  private static int varintLength(byte[] bytes, int at) {
    int n = 1;
    while ((bytes[at + n - 1] & 0x80) != 0) {
      n++;
    }
    return n;
  }

  /** Replaces the zigzag varint at {@code at} by the encoding of {@code value}. */
  static byte[] replaceVarint(byte[] bytes, int at, long value) {
    int oldLength = varintLength(bytes, at);
    long zigzag = (value << 1) ^ (value >> 63);
    byte[] encoded = new byte[10];
    int n = 0;
    while ((zigzag & ~0x7FL) != 0) {
      encoded[n++] = (byte) ((zigzag & 0x7F) | 0x80);
      zigzag >>>= 7;
    }
    encoded[n++] = (byte) zigzag;
    byte[] out = new byte[bytes.length - oldLength + n];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(encoded, 0, out, at, n);
    System.arraycopy(bytes, at + oldLength, out, at + n, bytes.length - at - oldLength);
    return out;
  }

  static <T extends SpecificRecord> byte[] encode(Class<T> type, T record) {
    return AvroCodec.of(type, Integer.MAX_VALUE - 16).encode(record);
  }
}
