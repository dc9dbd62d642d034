package org.leain.stream.lvk;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.GwCandidate;
import org.leain.stream.dlq.DeadLetterException;
import org.leain.stream.dlq.DeadLetterRecords;
import org.leain.stream.dlq.RecordIds;
import org.leain.stream.metrics.Counter;
import org.leain.stream.metrics.StreamMetrics;

/**
 * Decodes a raw notice and re-keys it by superevent id (the upstream key is arbitrary, often null).
 * Runs before the repartition, so a dead letter's origin is the upstream topic and offset.
 */
final class AlertParsing implements Processor<byte[], byte[], String, GwCandidate> {
  private final AlertDecoder decoder;
  private final String sourceTopic;
  private final StreamMetrics metrics;
  private ProcessorContext<String, GwCandidate> context;

  AlertParsing(AlertDecoder decoder, String sourceTopic, StreamMetrics metrics) {
    this.decoder = decoder;
    this.sourceTopic = sourceTopic;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, GwCandidate> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    metrics.increment(Counter.ALERTS);
    if (record.value() == null || record.value().length == 0) {
      throw new DeadLetterException(DeadLetterReason.UNREADABLE_PAYLOAD, "Expected an LVK notice. Actual: an empty value");
    }
    GwCandidate candidate;
    try {
      candidate = decoder.decode(record.value(), sourceTopic);
    } catch (DeadLetterException e) {
      throw e;
    } catch (RuntimeException e) {
      DeadLetterReason reason = DeadLetterRecords.classify(e);
      throw new DeadLetterException(reason == DeadLetterReason.PROCESSING_FAILURE ? DeadLetterReason.UNREADABLE_PAYLOAD
          : reason, "Unreadable LVK notice: " + e.getMessage(), e);
    }
    String id = RecordIds.require("superevent_id", candidate.getSupereventId());
    if (candidate.getProvenance().getIngestedMs() == null) {
      candidate.getProvenance().setIngestedMs(record.timestamp());
    }
    context.forward(new Record<>(id, candidate, record.timestamp()));
  }
}
