package org.leain.stream.metrics;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
  /** Shadow-injection calibration; null while injections are off (then nothing of it is exported). */
  private volatile Calibration calibration;

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

  /** Publishes the latest calibration of the shadow injections (replacing the previous one). */
  public void calibration(Calibration latest) {
    this.calibration = latest;
  }

  /**
   * Stops exporting the calibration: the task that computes it closed here (moved to another
   * instance), so this instance's last values would be stale.
   */
  public void clearCalibration() {
    this.calibration = null;
  }

  /** The latest calibration, empty while injections are off or none was computed yet. */
  public Optional<Calibration> calibration() {
    return Optional.ofNullable(calibration);
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
    Calibration c = calibration;
    if (c != null) {
      appendCalibration(out, c);
    }
    return out.toString();
  }

  private static void appendCalibration(StringBuilder out, Calibration c) {
    out.append("# HELP leain_shadow_injections_total Simulated injections sent through the pipeline.\n");
    out.append("# TYPE leain_shadow_injections_total counter\n");
    out.append("leain_shadow_injections_total ").append(c.injectionsTotal()).append('\n');
    out.append("# HELP leain_shadow_window_size Finished injections in the rolling calibration window.\n");
    out.append("# TYPE leain_shadow_window_size gauge\n");
    out.append("leain_shadow_window_size ").append(c.windowSize()).append('\n');
    if (!c.parameters().isEmpty()) {
      out.append("# HELP leain_shadow_coverage Fraction of true values inside the central posterior interval.\n");
      out.append("# TYPE leain_shadow_coverage gauge\n");
      for (Calibration.ParameterCalibration p : c.parameters()) {
        out.append("leain_shadow_coverage{parameter=\"").append(p.parameter()).append("\",level=\"0.5\"} ")
            .append(fraction(p.coverage50())).append('\n');
        out.append("leain_shadow_coverage{parameter=\"").append(p.parameter()).append("\",level=\"0.9\"} ")
            .append(fraction(p.coverage90())).append('\n');
      }
      out.append("# HELP leain_shadow_pit_ks KS distance of the PIT values to U(0,1).\n");
      out.append("# TYPE leain_shadow_pit_ks gauge\n");
      for (Calibration.ParameterCalibration p : c.parameters()) {
        out.append("leain_shadow_pit_ks{parameter=\"").append(p.parameter()).append("\"} ")
            .append(fraction(p.pitKs())).append('\n');
      }
    }
    if (c.jointCoverage50().isPresent() || c.jointCoverage90().isPresent()) {
      out.append("# HELP leain_shadow_joint_coverage Joint expected coverage (rank of log q of the truth).\n");
      out.append("# TYPE leain_shadow_joint_coverage gauge\n");
      c.jointCoverage50().ifPresent(v -> out.append("leain_shadow_joint_coverage{level=\"0.5\"} ")
          .append(fraction(v)).append('\n'));
      c.jointCoverage90().ifPresent(v -> out.append("leain_shadow_joint_coverage{level=\"0.9\"} ")
          .append(fraction(v)).append('\n'));
    }
  }

  private static String fraction(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6f", v) : "0";
  }

  private static String seconds(double ms) {
    double s = ms / 1000.0;
    return Double.isFinite(s) ? String.format(Locale.ROOT, "%.6f", s) : "0";
  }
}
