package org.leain.stream.join;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.leain.contracts.Spectrum;
import org.leain.stream.metrics.Counter;
import org.leain.stream.metrics.Stage;
import org.leain.stream.metrics.StreamMetrics;

/**
 * The cell pre-filter: both sides of one cell in window stores on ingestion time, either side
 * arriving pairs with everything the other side holds within the retention. Two processors (one
 * per input) over the same two stores.
 */
final class CellJoin {
  private CellJoin() {}

  /** Shared lookups of one task's cell stores. */
  abstract static class Side<V> implements Processor<String, V, String, CellPair> {
    private final long retentionMs;
    final StreamMetrics metrics;
    ProcessorContext<String, CellPair> context;
    WindowStore<String, CellCandidate> candidates;
    WindowStore<String, Spectrum> spectra;

    Side(Duration retention, StreamMetrics metrics) {
      this.retentionMs = retention.toMillis();
      this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, CellPair> context) {
      this.context = context;
      this.candidates = context.getStateStore(JoinTopology.CELL_CANDIDATE_STORE);
      this.spectra = context.getStateStore(JoinTopology.CELL_SPECTRUM_STORE);
    }

    long from(long timestampMs) {
      return Math.max(0, timestampMs - retentionMs);
    }

    void emit(CellCandidate candidate, Spectrum spectrum, long timestampMs) {
      long now = System.currentTimeMillis();
      long spectrumIngested = spectrum.getProvenance().getIngestedMs() == null ? timestampMs
          : spectrum.getProvenance().getIngestedMs();
      metrics.increment(Counter.PAIRS);
      metrics.record(Stage.INGEST_TO_JOIN, now - Math.max(candidate.ingestedMs(), spectrumIngested));
      context.forward(new Record<>(candidate.supereventId(),
          new CellPair(candidate.supereventId(), candidate.version(), spectrum, candidate.ingestedMs(),
              spectrumIngested, now), timestampMs));
    }
  }

  /** A candidate entered a cell: pair it with the cell's spectra. */
  static final class CandidateSide extends Side<CellCandidate> {
    CandidateSide(Duration retention, StreamMetrics metrics) {
      super(retention, metrics);
    }

    @Override
    public void process(Record<String, CellCandidate> record) {
      candidates.put(record.key(), record.value(), record.timestamp());
      Map<String, Spectrum> latest = new HashMap<>();
      try (WindowStoreIterator<Spectrum> it = spectra.fetch(record.key(), from(record.timestamp()), Long.MAX_VALUE)) {
        it.forEachRemaining(kv -> latest.put(kv.value.getSpectrumId(), kv.value));
      }
      latest.values().forEach(spectrum -> emit(record.value(), spectrum, record.timestamp()));
    }
  }

  /** A spectrum entered a cell: pair it with the latest version of each candidate covering the cell. */
  static final class SpectrumSide extends Side<Spectrum> {
    SpectrumSide(Duration retention, StreamMetrics metrics) {
      super(retention, metrics);
    }

    @Override
    public void process(Record<String, Spectrum> record) {
      spectra.put(record.key(), record.value(), record.timestamp());
      Map<String, CellCandidate> latest = new HashMap<>();
      try (WindowStoreIterator<CellCandidate> it =
          candidates.fetch(record.key(), from(record.timestamp()), Long.MAX_VALUE)) {
        while (it.hasNext()) {
          KeyValue<Long, CellCandidate> kv = it.next();
          latest.merge(kv.value.supereventId(), kv.value, (a, b) -> a.version() >= b.version() ? a : b);
        }
      }
      latest.values().forEach(candidate -> emit(candidate, record.value(), record.timestamp()));
    }
  }
}
