package org.leain.stream.join;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.leain.stream.config.LeainConfig.JoinSettings;
import org.leain.stream.metrics.StreamMetrics;

/** Decides a pair from the cells against the current candidate state (the exact step). */
final class PairStep implements Processor<String, CellPair, String, AssociationChange> {
  private final JoinSettings settings;
  private final StreamMetrics metrics;
  private ProcessorContext<String, AssociationChange> context;
  private SupereventLedger ledger;

  PairStep(JoinSettings settings, StreamMetrics metrics) {
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
  public void process(Record<String, CellPair> record) {
    ledger.decidePair(record.value())
        .ifPresent(change -> context.forward(new Record<>(change.key(), change, record.timestamp())));
  }
}
