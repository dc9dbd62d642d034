package org.leain.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.leain.contracts.PosteriorTimings;

/**
 * Latency per stage of the pipeline, from the timings each posterior carries (DESIGN.md section 8),
 * in HdrHistogram (3 significant digits, up to an hour). Stages start at the later of the two
 * ingestion times, because a join can only happen once both inputs are in:
 * ingest -> join, join -> inference start, inference, inference end -> emit, end to end (ingest ->
 * emit), and delivered (ingest -> read by the demo's consumer, read_committed).
 */
final class LatencyStages {

  static final String INGEST_TO_JOIN = "ingest -> join";
  static final String JOIN_TO_INFERENCE = "join -> inference";
  static final String INFERENCE = "inference";
  static final String INFERENCE_TO_EMIT = "inference -> emit";
  static final String END_TO_END = "end to end (ingest -> emit)";
  static final String DELIVERED = "delivered (ingest -> consumer)";

  private static final long MAX_MS = 3_600_000L;
  private final Map<String, Histogram> histograms = new LinkedHashMap<>();

  LatencyStages() {
    for (String stage : List.of(INGEST_TO_JOIN, JOIN_TO_INFERENCE, INFERENCE, INFERENCE_TO_EMIT, END_TO_END, DELIVERED)) {
      histograms.put(stage, new Histogram(MAX_MS, 3));
    }
  }

  /** The later ingestion time of the pair: when the join became possible. */
  static long ingestMs(PosteriorTimings t) {
    return Math.max(t.getIngestGwMs(), t.getIngestSpectrumMs());
  }

  /** Records one posterior's stages; {@code receivedMs} is when the demo's consumer read it. */
  synchronized void record(PosteriorTimings t, long receivedMs) {
    long ingest = ingestMs(t);
    if (ingest <= 0) {
      return;
    }
    add(INGEST_TO_JOIN, t.getJoinedMs() - ingest);
    add(JOIN_TO_INFERENCE, t.getInferenceStartMs() - t.getJoinedMs());
    add(INFERENCE, t.getInferenceEndMs() - t.getInferenceStartMs());
    add(INFERENCE_TO_EMIT, t.getEmittedMs() - t.getInferenceEndMs());
    add(END_TO_END, t.getEmittedMs() - ingest);
    add(DELIVERED, receivedMs - ingest);
  }

  private void add(String stage, long ms) {
    histograms.get(stage).recordValue(Math.max(0, Math.min(MAX_MS, ms)));
  }

  /** A table: stage, count, p50, p90, p99, max (ms). */
  synchronized List<String> table() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "  %-32s %5s %8s %8s %8s %8s", "stage (ms)", "n", "p50", "p90", "p99", "max"));
    for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
      Histogram h = e.getValue();
      if (h.getTotalCount() == 0) {
        lines.add(String.format(Locale.ROOT, "  %-32s %5d %8s %8s %8s %8s", e.getKey(), 0, "-", "-", "-", "-"));
      } else {
        lines.add(String.format(Locale.ROOT, "  %-32s %5d %8d %8d %8d %8d", e.getKey(), h.getTotalCount(),
            h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getMaxValue()));
      }
    }
    return lines;
  }
}
