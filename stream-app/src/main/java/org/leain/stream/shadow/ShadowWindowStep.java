package org.leain.stream.shadow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.leain.stream.config.LeainConfig.ShadowSettings;
import org.leain.stream.metrics.StreamMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one task of the single-partition outcome topic: it makes the injections (wall-clock
 * punctuation every {@code 1 h / shadow.injections.per.hour}) and keeps the rolling window of
 * finished ones, publishing the statistics to the metrics after each change.
 *
 * <p>Store {@value ShadowTopology#WINDOW_STORE} (changelogged, so both survive restarts and moves):
 * {@code next-injection} and {@code next-outcome} sequence counters, and {@code outcome:<seq>}
 * (zero-padded, so key order is arrival order) for the last {@code shadow.window} outcomes.
 */
final class ShadowWindowStep implements Processor<String, InjectionOutcome, String, ShadowEmission> {
  private static final Logger LOG = LoggerFactory.getLogger(ShadowWindowStep.class);
  static final String NEXT_INJECTION = "next-injection";
  static final String NEXT_OUTCOME = "next-outcome";
  static final String OUTCOME_PREFIX = "outcome:";

  private final ShadowSettings settings;
  private final InjectionSimulation simulation;
  private final StreamMetrics metrics;
  private ProcessorContext<String, ShadowEmission> context;
  private KeyValueStore<String, String> store;

  ShadowWindowStep(ShadowSettings settings, InjectionSimulation simulation, StreamMetrics metrics) {
    this.settings = settings;
    this.simulation = simulation;
    this.metrics = metrics;
  }

  /** Time between injections: one hour over the rate. */
  static Duration interval(double injectionsPerHour) {
    return Duration.ofMillis(Math.round(3_600_000.0 / injectionsPerHour));
  }

  @Override
  public void init(ProcessorContext<String, ShadowEmission> context) {
    this.context = context;
    this.store = context.getStateStore(ShadowTopology.WINDOW_STORE);
    publish();
    context.schedule(interval(settings.injectionsPerHour()), PunctuationType.WALL_CLOCK_TIME, this::inject);
  }

  @Override
  public void process(Record<String, InjectionOutcome> record) {
    long sequence = counter(NEXT_OUTCOME);
    store.put(outcomeKey(sequence), JsonSerde.write(record.value()));
    store.put(NEXT_OUTCOME, Long.toString(sequence + 1));
    publish();
  }

  private void inject(long nowMs) {
    long sequence = counter(NEXT_INJECTION);
    store.put(NEXT_INJECTION, Long.toString(sequence + 1));
    String supereventId = ShadowIds.supereventId(sequence);
    String spectrumId = ShadowIds.spectrumId(sequence);
    Injection injection;
    try {
      injection = simulation.simulate(supereventId, spectrumId, settings.seed() ^ (0x9E3779B97F4A7C15L * (sequence + 1)),
          nowMs);
    } catch (RuntimeException e) {
      LOG.warn("Shadow injection {} could not be simulated; skipped", sequence, e);
      return;
    }
    context.forward(new Record<>(ShadowIds.associationId(sequence),
        new ShadowEmission.Truth(new ShadowTruth(injection.parameters(), injection.trueValues(), nowMs)), nowMs));
    context.forward(new Record<>(supereventId, new ShadowEmission.Candidate(injection.candidate()), nowMs));
    context.forward(new Record<>(spectrumId, new ShadowEmission.SpectrumRecord(injection.spectrum()), nowMs));
    publish();
  }

  /** Reads the window (dropping outcomes older than the last {@code shadow.window}) and publishes its statistics. */
  private void publish() {
    List<KeyValue<String, String>> entries = new ArrayList<>();
    try (KeyValueIterator<String, String> it = store.prefixScan(OUTCOME_PREFIX, new StringSerializer())) {
      it.forEachRemaining(entries::add);
    }
    int excess = Math.max(0, entries.size() - settings.window());
    List<InjectionOutcome> window = new ArrayList<>(entries.size() - excess);
    for (int i = 0; i < entries.size(); i++) {
      if (i < excess) {
        store.delete(entries.get(i).key);
      } else {
        window.add(JsonSerde.read(entries.get(i).value, InjectionOutcome.class));
      }
    }
    metrics.calibration(RollingCalibration.summarise(counter(NEXT_INJECTION), window, settings.windowMin()));
  }

  /** The task moves or stops: another instance (or the restarted one) publishes from the store. */
  @Override
  public void close() {
    metrics.clearCalibration();
  }

  private long counter(String key) {
    String value = store.get(key);
    return value == null ? 0 : Long.parseLong(value);
  }

  private static String outcomeKey(long sequence) {
    return OUTCOME_PREFIX + String.format(Locale.ROOT, "%019d", sequence);
  }
}
