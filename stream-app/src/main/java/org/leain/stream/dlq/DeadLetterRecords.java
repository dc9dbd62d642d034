package org.leain.stream.dlq;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.contracts.wire.UnreadablePayloadException;
import org.leain.sky.lvk.InvalidAlertException;
import org.leain.sky.skymap.InvalidSkymapException;

/**
 * Builds the dead-letter record for a failure: classifies the exception into a reason code, copies
 * the origin from the handler context and keeps at most {@code maxRawBytes} of the raw value.
 * Thread-safe.
 */
public final class DeadLetterRecords {
  /** Version written into every dead letter. */
  public static final String APP_VERSION = "0.1.0";
  /** Longest reason text kept: exception messages can quote whole payloads. */
  static final int MAX_REASON_CHARS = 2_000;
  /** Longest origin key kept (as the dead letter's key and in origin_key): keys are ids, not payloads. */
  static final int MAX_KEY_BYTES = 1_024;

  private final String dlqTopic;
  private final String appId;
  private final int maxRawBytes;
  private final Serializer<DeadLetter> serializer = ContractSerdes.deadLetter().serializer();

  public DeadLetterRecords(String dlqTopic, String appId, int maxRawBytes) {
    if (maxRawBytes < 0) {
      throw new IllegalArgumentException("Expected maxRawBytes >= 0. Actual: " + maxRawBytes);
    }
    this.dlqTopic = dlqTopic;
    this.appId = appId;
    this.maxRawBytes = maxRawBytes;
  }

  /** The reason code for an exception: a {@link DeadLetterException}'s own, else by type. */
  public static DeadLetterReason classify(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof DeadLetterException d) {
        return d.reason();
      }
      if (t instanceof UnreadablePayloadException u) {
        return switch (u.kind()) {
          case UNKNOWN_FINGERPRINT, WRONG_RECORD -> DeadLetterReason.UNKNOWN_SCHEMA;
          case OVERSIZE -> DeadLetterReason.OVERSIZE;
          default -> DeadLetterReason.UNREADABLE_PAYLOAD;
        };
      }
      if (t instanceof InvalidSkymapException) {
        return DeadLetterReason.INVALID_SKYMAP;
      }
      if (t instanceof InvalidAlertException a) {
        return switch (a.reason()) {
          case BAD_SKYMAP -> DeadLetterReason.INVALID_SKYMAP;
          case BAD_SUPEREVENT_ID -> DeadLetterReason.INVALID_ID;
          case TOO_LARGE -> DeadLetterReason.OVERSIZE;
          case MISSING_FIELD, BAD_FIELD, UNKNOWN_ALERT_TYPE -> DeadLetterReason.INVALID_RECORD;
          default -> DeadLetterReason.UNREADABLE_PAYLOAD;
        };
      }
    }
    return DeadLetterReason.PROCESSING_FAILURE;
  }

  /**
   * Where a failed record came from: the input topic, partition and offset of the record being
   * processed, and its timestamp (negative = unknown).
   */
  public record Origin(String topic, int partition, long offset, long timestampMs) {}

  /** The dead letter for a failure seen by a Kafka Streams handler. */
  public DeadLetter deadLetter(ErrorHandlerContext context, byte[] rawKey, byte[] rawValue, DeadLetterReason reason,
      Throwable error, long nowMs) {
    return deadLetter(new Origin(context.topic(), context.partition(), context.offset(), context.timestamp()), rawKey,
        rawValue, reason, error, nowMs);
  }

  /**
   * The dead letter for a failure found outside a handler, with its origin recorded by the caller
   * (the inference micro-batch, which dead-letters one record of a batch after its input was processed).
   */
  public DeadLetter deadLetter(Origin origin, byte[] rawKey, byte[] rawValue, DeadLetterReason reason,
      Throwable error, long nowMs) {
    byte[] value = rawValue == null ? new byte[0] : rawValue;
    int kept = Math.min(value.length, maxRawBytes);
    String message = describe(error);
    return DeadLetter.newBuilder()
        .setReasonCode(reason)
        .setReason(message)
        .setErrorClass(error == null ? null : innermostSpecific(error).getClass().getName())
        .setOriginTopic(origin.topic() == null ? "unknown" : origin.topic())
        .setOriginPartition(origin.partition())
        .setOriginOffset(origin.offset())
        .setOriginTimestampMs(origin.timestampMs() >= 0 ? origin.timestampMs() : null)
        .setOriginKey(rawKey == null ? null : new String(capKey(rawKey), StandardCharsets.UTF_8))
        .setRawBytes(ByteBuffer.wrap(Arrays.copyOf(value, kept)))
        .setRawSizeBytes(value.length)
        .setTruncated(kept < value.length)
        .setFailedAtMs(nowMs)
        .setAppId(appId)
        .setAppVersion(APP_VERSION)
        .build();
  }

  /** The dead letter as the one record to hand back to Kafka Streams (key = origin key bytes). */
  public List<ProducerRecord<byte[], byte[]>> records(DeadLetter deadLetter, byte[] rawKey) {
    return List.of(new ProducerRecord<>(dlqTopic, null, rawKey == null ? null : capKey(rawKey),
        serializer.serialize(dlqTopic, deadLetter)));
  }

  private static byte[] capKey(byte[] key) {
    return key.length <= MAX_KEY_BYTES ? key : Arrays.copyOf(key, MAX_KEY_BYTES);
  }

  private static String describe(Throwable error) {
    if (error == null) {
      return "no exception";
    }
    Throwable specific = innermostSpecific(error);
    String text = specific.getMessage() == null ? specific.getClass().getSimpleName() : specific.getMessage();
    if (specific != error && error.getMessage() != null && !error.getMessage().equals(text)
        && error instanceof DeadLetterException) {
      text = error.getMessage() + ": " + text;
    }
    return text.length() <= MAX_REASON_CHARS ? text : text.substring(0, MAX_REASON_CHARS) + "...";
  }

  /** Kafka Streams may wrap the processor's exception; the useful message is the innermost of ours. */
  private static Throwable innermostSpecific(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof DeadLetterException || t instanceof UnreadablePayloadException
          || t instanceof InvalidSkymapException || t instanceof InvalidAlertException) {
        return t;
      }
    }
    return error;
  }
}
