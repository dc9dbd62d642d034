package org.leain.stream.join;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.leain.stream.config.LeainConfig.JoinSettings;
import org.leain.stream.metrics.StreamMetrics;

/** Applies a candidate to the superevent state and emits the re-decisions and withdrawals. */
final class CandidateStep implements Processor<String, LiveCandidate, String, AssociationChange> {
  private final JoinSettings settings;
  private final StreamMetrics metrics;
  private ProcessorContext<String, AssociationChange> context;
  private SupereventLedger ledger;

  CandidateStep(JoinSettings settings, StreamMetrics metrics) {
    this.settings = settings;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, AssociationChange> context) {
    this.context = context;
    this.ledger = new SupereventLedger(context.getStateStore(JoinTopology.CANDIDATE_STORE),
        context.getStateStore(JoinTopology.CANDIDATE_VERSION_STORE), context.getStateStore(JoinTopology.ASSOCIATION_STORE), new ExactDecision(settings),
        new SkymapCache(settings.skymap()), metrics);
  }

  @Override
  public void process(Record<String, LiveCandidate> record) {
    for (AssociationChange change : ledger.applyCandidate(record.value(), System.currentTimeMillis())) {
      context.forward(new Record<>(change.key(), change, record.timestamp()));
    }
  }
}
