package org.leain.stream.join;

import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.SkymapChoice;
import org.leain.stream.config.LeainConfig.SkymapSelection;
import org.leain.stream.dlq.DeadLetterException;
import org.leain.stream.dlq.RecordIds;
import org.leain.stream.metrics.Counter;
import org.leain.stream.metrics.StreamMetrics;

/**
 * Checks a candidate once (id, key, version, map) and indexes its selected map, so that the state
 * and cell steps after it see only valid candidates; a bad one becomes one dead letter.
 */
final class CandidateValidation implements FixedKeyProcessor<String, GwCandidate, LiveCandidate> {
  private final SkymapSelection selection;
  private final StreamMetrics metrics;
  private FixedKeyProcessorContext<String, LiveCandidate> context;

  CandidateValidation(SkymapSelection selection, StreamMetrics metrics) {
    this.selection = selection;
    this.metrics = metrics;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, LiveCandidate> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, GwCandidate> record) {
    GwCandidate candidate = record.value();
    if (candidate == null) {
      return; // a tombstone on the compacted candidates topic: nothing to join
    }
    String id = RecordIds.require("superevent_id", candidate.getSupereventId());
    if (!id.equals(record.key())) {
      throw new DeadLetterException(DeadLetterReason.INVALID_RECORD,
          "Expected the record key to equal superevent_id " + id + ". Actual: " + record.key());
    }
    if (candidate.getVersion() < 1) {
      throw new DeadLetterException(DeadLetterReason.INVALID_RECORD,
          "Expected version >= 1. Actual: " + candidate.getVersion());
    }
    if (candidate.getProvenance().getIngestedMs() == null) {
      candidate.getProvenance().setIngestedMs(record.timestamp());
    }
    SkymapChoice choice = CandidateMaps.choice(candidate, selection);
    LiveCandidate live = new LiveCandidate(candidate, CandidateMaps.index(candidate, choice), choice,
        candidate.getProvenance().getIngestedMs());
    metrics.increment(Counter.CANDIDATES);
    context.forward(record.withValue(live));
  }
}
