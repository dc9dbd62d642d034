package org.leain.stream.dlq;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.DeadLetterReason;
import org.leain.stream.metrics.StreamMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three Kafka Streams exception handlers LEAIN configures. Each turns the failed record into a
 * dead letter and resumes; they are instantiated by Kafka Streams from class names and configured
 * with the streams properties, which carry {@link #DLQ_TOPIC}, {@link #MAX_RAW_BYTES} and (as an
 * object) {@link #METRICS}.
 */
public final class LeainExceptionHandlers {
  /** Streams property: the dead-letter topic. */
  public static final String DLQ_TOPIC = "leain.dlq.topic";
  /** Streams property: the cap on raw bytes kept in a dead letter. */
  public static final String MAX_RAW_BYTES = "leain.dlq.max.raw.bytes";
  /** Streams property (an object, not a string): the {@link StreamMetrics} to count dead letters in. */
  public static final String METRICS = "leain.metrics";

  private static final Logger LOG = LoggerFactory.getLogger(LeainExceptionHandlers.class);

  private LeainExceptionHandlers() {}

  /** Shared configuration of the three handlers. */
  abstract static class Base {
    private DeadLetterRecords records;
    private StreamMetrics metrics;

    void configureFrom(Map<String, ?> configs) {
      Object appId = configs.get("application.id");
      Object topic = configs.get(DLQ_TOPIC);
      Object cap = configs.get(MAX_RAW_BYTES);
      Object metricsObject = configs.get(METRICS);
      records = new DeadLetterRecords(topic == null ? "leain.dlq" : topic.toString(),
          appId == null ? "leain" : appId.toString(), cap == null ? 256 * 1024 : Integer.parseInt(cap.toString()));
      metrics = metricsObject instanceof StreamMetrics m ? m : new StreamMetrics();
    }

    java.util.List<ProducerRecord<byte[], byte[]>> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
        DeadLetterReason reason, Exception error) {
      DeadLetter letter = records.deadLetter(context, key, value, reason, error, System.currentTimeMillis());
      metrics.deadLetter(reason.name());
      LOG.warn("Dead letter {} from {}-{}@{}: {}", reason, context.topic(), context.partition(), context.offset(),
          letter.getReason());
      return records.records(letter, key);
    }
  }

  /** Unreadable input bytes (bad marker, unknown fingerprint, truncated, oversize): dead letter, resume. */
  public static final class Deserialization extends Base implements DeserializationExceptionHandler {
    @Override
    public void configure(Map<String, ?> configs) {
      configureFrom(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
      return Response.resume(deadLetter(context, record.key(), record.value(), DeadLetterRecords.classify(exception),
          exception));
    }
  }

  /** A processor threw (invalid id, invalid skymap or spectrum, a model failure): dead letter, resume. */
  public static final class Processing extends Base implements ProcessingExceptionHandler {
    @Override
    public void configure(Map<String, ?> configs) {
      configureFrom(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
      return Response.resume(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(),
          DeadLetterRecords.classify(exception), exception));
    }
  }

  /**
   * Writing an output failed. A record too large for the broker or one that cannot be serialized is a
   * dead letter (the input is skipped); anything else fails the task, since resuming could lose output.
   */
  public static final class Production extends Base implements ProductionExceptionHandler {
    @Override
    public void configure(Map<String, ?> configs) {
      configureFrom(configs);
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
      if (exception instanceof RecordTooLargeException) {
        return Response.resume(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(),
            DeadLetterReason.OVERSIZE, exception));
      }
      return Response.fail();
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
        SerializationExceptionOrigin origin) {
      return Response.resume(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(),
          DeadLetterReason.PRODUCTION_FAILURE, exception));
    }
  }
}
