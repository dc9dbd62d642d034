package org.leain.stream.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The app's counters and per-stage latency histograms. Thread-safe: stream threads record, the
 * HTTP thread scrapes. Latencies are recorded in milliseconds (1 ms resolution is what the
 * record timestamps give) up to one hour; larger values are clamped and counted.
 */
public final class StreamMetrics {
  private static final long MAX_TRACKABLE_MS = 3_600_000L;

  private final Map<Counter, LongAdder> counters = new EnumMap<>(Counter.class);
  private final Map<String, LongAdder> deadLettersByReason = new ConcurrentHashMap<>();
  private final Map<Stage, Recorder> recorders = new EnumMap<>(Stage.class);
  private final Map<Stage, Histogram> cumulative = new EnumMap<>(Stage.class);

  public StreamMetrics() {
    for (Counter counter : Counter.values()) {
      counters.put(counter, new LongAdder());
    }
    for (Stage stage : Stage.values()) {
      recorders.put(stage, new Recorder(MAX_TRACKABLE_MS, 3));
      cumulative.put(stage, new Histogram(MAX_TRACKABLE_MS, 3));
    }
  }

  /** Adds one to a counter. */
  public void increment(Counter counter) {
    counters.get(counter).increment();
  }

  /** Counts a dead letter under its reason code. */
  public void deadLetter(String reasonCode) {
    increment(Counter.DEAD_LETTERS);
    deadLettersByReason.computeIfAbsent(reasonCode, r -> new LongAdder()).increment();
  }

  /** Records one latency in milliseconds; negative values (clock skew between hosts) count as 0. */
  public void record(Stage stage, long latencyMs) {
    recorders.get(stage).recordValue(Math.max(0, Math.min(latencyMs, MAX_TRACKABLE_MS)));
  }

  /** The current value of a counter. */
  public long count(Counter counter) {
    return counters.get(counter).sum();
  }

  /** A copy of everything recorded so far for a stage. */
  public synchronized Histogram histogram(Stage stage) {
    Histogram total = cumulative.get(stage);
    total.add(recorders.get(stage).getIntervalHistogram());
    return total.copy();
  }

  /** The Prometheus text exposition (format 0.0.4) of every metric; never NaN or Inf. */
  public String prometheusText() {
    StringBuilder out = new StringBuilder(4096);
    for (Counter counter : Counter.values()) {
      String name = "leain_" + counter.metricName() + "_total";
      out.append("# TYPE ").append(name).append(" counter\n");
      out.append(name).append(' ').append(count(counter)).append('\n');
    }
    out.append("# TYPE leain_dead_letters_by_reason_total counter\n");
    deadLettersByReason.forEach((reason, adder) -> out.append("leain_dead_letters_by_reason_total{reason=\"")
        .append(reason).append("\"} ").append(adder.sum()).append('\n'));
    out.append("# HELP leain_stage_latency_seconds Latency per stage, from record timestamps.\n");
    out.append("# TYPE leain_stage_latency_seconds summary\n");
    for (Stage stage : Stage.values()) {
      Histogram h = histogram(stage);
      for (double q : new double[] {0.5, 0.9, 0.99, 0.999}) {
        long valueMs = h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(q * 100);
        out.append("leain_stage_latency_seconds{stage=\"").append(stage.label()).append("\",quantile=\"")
            .append(q).append("\"} ").append(seconds(valueMs)).append('\n');
      }
      double sumMs = h.getTotalCount() == 0 ? 0 : h.getMean() * h.getTotalCount();
      out.append("leain_stage_latency_seconds_sum{stage=\"").append(stage.label()).append("\"} ")
          .append(seconds(sumMs)).append('\n');
      out.append("leain_stage_latency_seconds_count{stage=\"").append(stage.label()).append("\"} ")
          .append(h.getTotalCount()).append('\n');
    }
    out.append("# TYPE leain_stage_latency_max_seconds gauge\n");
    for (Stage stage : Stage.values()) {
      out.append("leain_stage_latency_max_seconds{stage=\"").append(stage.label()).append("\"} ")
          .append(seconds(histogram(stage).getMaxValue())).append('\n');
    }
    return out.toString();
  }

  private static String seconds(double ms) {
    double s = ms / 1000.0;
    return Double.isFinite(s) ? String.format(Locale.ROOT, "%.6f", s) : "0";
  }
}
