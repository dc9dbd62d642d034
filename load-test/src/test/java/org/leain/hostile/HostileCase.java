package org.leain.hostile;

import java.util.Objects;

/**
 * One hostile input and what LEAIN owes it.
 *
 * @param name unique case name, also the file name without {@code .bin}
 * @param topic the input topic the record is produced to, or {@code "file"} for spectrum files
 *     (read by {@code SpectrumReader} at ingest, never on a topic)
 * @param key the record key (UTF-8), or null
 * @param owner the component that must reject it
 * @param expected the owner's reason code (e.g. {@code TRUNCATED}, {@code MISSING_FIELD}), or
 *     {@code NO_OP} for a documented no-op
 * @param cause for a reason that wraps another (an alert's {@code BAD_SKYMAP}), the wrapped
 *     skymap reason; otherwise null
 * @param dlqReason the {@code DeadLetterReason} the stream app writes, or null when none (no-op,
 *     file input)
 * @param description what the case is and why the outcome is right
 * @param generated a compact recipe for a large payload built on the fly, or null when the bytes
 *     are committed as {@code <name>.bin}
 * @param maxAllocatedMiB the most the owner may allocate reading it (bounded memory)
 * @param precededBy names of cases to feed before this one (semantic cases), possibly empty
 */
public record HostileCase(String name, String topic, String key, Owner owner, String expected,
    String cause, String dlqReason, String description, Recipe generated, int maxAllocatedMiB,
    java.util.List<String> precededBy) {

  /** Default allocation bound for one case, MiB. */
  public static final int DEFAULT_MAX_ALLOCATED_MIB = 48;

  /** The component that owns a case's rejection. */
  public enum Owner {
    /** {@code AvroCodec.decode} of a LEAIN contract: {@code UnreadablePayloadException.Kind}. */
    AVRO_CODEC,
    /** {@code LvkAlertReader.read}: {@code InvalidAlertException.Reason}. */
    LVK_ALERT_READER,
    /** {@code GwCandidates.toSkymap} of a decoded GwCandidate: {@code InvalidSkymapException.Reason}. */
    CANDIDATE_SKYMAP,
    /** {@code SpectrumReader.read} + {@code SpectrumRecords.toSpectrum}: {@code InvalidSpectrumException.Reason}. */
    SPECTRUM_READER,
    /** The stream app's validation of a decoded record (ids, ranges, lengths): a DeadLetterReason. */
    STREAM_VALIDATION,
    /** The normaliser's per-superevent versioning: a documented no-op. */
    NORMALISER
  }

  /**
   * A large payload described compactly.
   *
   * @param kind what to build (see {@link HostileCorpus#expand})
   * @param size the number of elements, rows or bytes it names
   */
  public record Recipe(String kind, long size) {}

  public HostileCase {
    Objects.requireNonNull(name, "name");
    if (!name.matches("[a-z0-9][a-z0-9.-]{0,95}")) {
      throw new IllegalArgumentException("Expected a case name of [a-z0-9.-]. Actual: " + name);
    }
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(description, "description");
    precededBy = precededBy == null ? java.util.List.of() : java.util.List.copyOf(precededBy);
    if (maxAllocatedMiB <= 0) {
      throw new IllegalArgumentException("Expected maxAllocatedMiB > 0. Actual: " + maxAllocatedMiB);
    }
  }

  /** Whether the case is a documented no-op rather than a rejection. */
  public boolean isNoOp() {
    return expected.equals("NO_OP");
  }
}
