package org.leain.stream.shadow;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.config.LeainConfig.ShadowSettings;
import org.leain.stream.inference.InferenceTopology;
import org.leain.stream.metrics.StreamMetrics;

/**
 * Adds calibration monitoring to the topology when {@code shadow.injections.per.hour > 0}; with
 * the default 0 it adds nothing and the topology is exactly the one without it.
 *
 * <pre>
 * posteriors -&gt; shadow-mark -&gt; (leain.posteriors)
 *                  +-&gt; shadow-finished -&gt; shadow-outcome -&gt; [shadow-outcomes, 1 partition]
 *                      -&gt; shadow-window (punctuator: injections) -&gt; leain.shadow.truth, leain.gw.candidates,
 *                                                                    leain.jwst.spectra
 * leain.shadow.truth -&gt; global store leain-shadow-truth (read by shadow-mark)
 * </pre>
 */
public final class ShadowTopology {
  /** Global store of injection truths, key association id. */
  public static final String TRUTH_STORE = "leain-shadow-truth";
  /** The rolling window and the injection counter. */
  public static final String WINDOW_STORE = "leain-shadow-window";

  private static final Serde<ShadowTruth> TRUTH_SERDE = JsonSerde.of(ShadowTruth.class);
  private static final Serde<InjectionOutcome> OUTCOME_SERDE = JsonSerde.of(InjectionOutcome.class);

  private ShadowTopology() {}

  /**
   * Marks the posteriors of shadow input and, when injections are on, makes them and tracks their
   * calibration; returns the posteriors to write (the same stream when injections are off).
   */
  public static KStream<String, DcbhPosterior> install(StreamsBuilder builder, KStream<String, DcbhPosterior> posteriors,
      LeainConfig config, InjectionSimulation simulation, StreamMetrics metrics) {
    ShadowSettings settings = config.shadow();
    if (!settings.enabled()) {
      return posteriors;
    }
    builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TRUTH_STORE), Serdes.String(),
            TRUTH_SERDE).withLoggingDisabled(), settings.truthTopic(),
        Consumed.with(Serdes.String(), TRUTH_SERDE).withName("shadow-truth-source"), TruthLoader::new);
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOW_STORE), Serdes.String(),
        Serdes.String()).withCachingDisabled());

    KStream<String, DcbhPosterior> marked = posteriors.processValues(ShadowMarkStep::new, Named.as("shadow-mark"),
        InferenceTopology.POSTERIOR_STORE);
    LeainConfig.TopicNames topics = config.topics();
    marked.filter((key, posterior) -> posterior != null && posterior.getTrueValues() != null,
            Named.as("shadow-finished"))
        .map((key, posterior) -> KeyValue.pair("shadow", InjectionOutcome.of(posterior)),
            Named.as("shadow-outcome"))
        .repartition(Repartitioned.<String, InjectionOutcome>as("shadow-outcomes").withKeySerde(Serdes.String())
            .withValueSerde(OUTCOME_SERDE).withNumberOfPartitions(1))
        .process(() -> new ShadowWindowStep(settings, simulation, metrics), Named.as("shadow-window"), WINDOW_STORE)
        .split(Named.as("shadow-emit-"))
        .branch((key, e) -> e instanceof ShadowEmission.Truth, Branched.withConsumer(s -> s
            .mapValues(e -> ((ShadowEmission.Truth) e).truth(), Named.as("shadow-truth-values"))
            .to(settings.truthTopic(), Produced.with(Serdes.String(), TRUTH_SERDE).withName("shadow-truth-sink")),
            "truth"))
        .branch((key, e) -> e instanceof ShadowEmission.Candidate, Branched.withConsumer(s -> s
            .mapValues(e -> ((ShadowEmission.Candidate) e).candidate(), Named.as("shadow-candidate-values"))
            .to(topics.candidates(), Produced.with(Serdes.String(), ContractSerdes.gwCandidate())
                .withName("shadow-candidates-sink")), "candidate"))
        .branch((key, e) -> e instanceof ShadowEmission.SpectrumRecord, Branched.withConsumer(s -> s
            .mapValues(e -> ((ShadowEmission.SpectrumRecord) e).spectrum(), Named.as("shadow-spectrum-values"))
            .to(topics.spectra(), Produced.with(Serdes.String(), ContractSerdes.spectrum())
                .withName("shadow-spectra-sink")), "spectrum"))
        .noDefaultBranch();
    return marked;
  }

  /**
   * Whether the sky join may pair a candidate and a spectrum: always, unless one of them is a shadow
   * injection that is not the other's own pair. A simulated source paired with a real one (or with
   * another injection) would be neither a real association nor a calibration sample: the mock maps
   * span 10 to 3000 deg^2, so without this a 500-injection run made 3507 posteriors instead of 500.
   */
  public static boolean mayPair(String supereventId, String spectrumId) {
    return !ShadowIds.involvesShadow(supereventId, spectrumId) || ShadowIds.isOwnPair(supereventId, spectrumId);
  }

  /** Keeps the global truth store in step with the truth topic. */
  private static final class TruthLoader implements Processor<String, ShadowTruth, Void, Void> {
    private KeyValueStore<String, ShadowTruth> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(TRUTH_STORE);
    }

    @Override
    public void process(Record<String, ShadowTruth> record) {
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
