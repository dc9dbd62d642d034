package org.leain.stream.join;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Fans a candidate out to the join cells covering its credible region at the join threshold (a
 * position with searched probability &lt;= p lies in one of them). Retractions have no cells.
 */
final class CandidateCells implements Processor<String, LiveCandidate, String, CellCandidate> {
  private final int order;
  private final double credibleLevel;
  private ProcessorContext<String, CellCandidate> context;

  CandidateCells(int order, double credibleLevel) {
    this.order = order;
    this.credibleLevel = credibleLevel;
  }

  @Override
  public void init(ProcessorContext<String, CellCandidate> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, LiveCandidate> record) {
    LiveCandidate live = record.value();
    if (live.index().isEmpty()) {
      return;
    }
    CellCandidate presence = new CellCandidate(live.supereventId(), live.version(), live.ingestedMs());
    for (long cell : live.index().get().coveringCells(order, credibleLevel)) {
      context.forward(new Record<>(Long.toString(cell), presence, record.timestamp()));
    }
  }
}
