package org.leain.stream;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.inference.InferenceEngineFactory;
import org.leain.stream.inference.InferenceTopology;
import org.leain.stream.join.AssociationChange;
import org.leain.stream.join.JoinTopology;
import org.leain.stream.lvk.AlertDecoder;
import org.leain.stream.lvk.NormaliserTopology;
import org.leain.stream.metrics.StreamMetrics;
import org.leain.stream.shadow.InjectionSimulation;
import org.leain.stream.shadow.ShadowTopology;

/**
 * Builds the LEAIN topology, the same for the app and for TopologyTestDriver tests:
 *
 * <pre>
 * igwn.gwalert -&gt; alerts-parse -&gt; [alerts-by-superevent] -&gt; alerts-version -&gt; leain.gw.candidates
 * leain.gw.candidates -&gt; candidates-validate -+-&gt; candidates-apply ------------------------+
 *                                             +-&gt; candidates-cells -&gt; [candidate-cells] -+  |
 * leain.jwst.spectra -&gt; spectra-cells -&gt; [spectra-by-cell] -&gt; cells-join-* -&gt; [pairs-by-superevent]
 *                                                            -&gt; pairs-decide -&gt; association-changes
 * association-changes -&gt; leain.associations (tombstone on withdrawal)
 *                     -&gt; inference -&gt; leain.posteriors (tombstone on withdrawal)
 * </pre>
 *
 * With {@code shadow.injections.per.hour > 0} the posteriors pass through the shadow marking
 * (see {@link ShadowTopology}), which also injects simulated events into the two input topics.
 * Square brackets are repartition topics. Anything invalid becomes a dead letter through the
 * configured handlers (see {@link StreamsSettings}).
 */
public final class LeainTopology {
  private LeainTopology() {}

  /** The topology for {@code config}, decoding alerts with {@code decoder} and inferring with {@code engines}. */
  public static Topology build(LeainConfig config, AlertDecoder decoder, InferenceEngineFactory engines,
      StreamMetrics metrics) {
    return build(config, decoder, engines, metrics, InjectionSimulation.standard());
  }

  /** As {@link #build(LeainConfig, AlertDecoder, InferenceEngineFactory, StreamMetrics)}, with shadow injections from {@code injections}. */
  public static Topology build(LeainConfig config, AlertDecoder decoder, InferenceEngineFactory engines,
      StreamMetrics metrics, InjectionSimulation injections) {
    StreamsBuilder builder = new StreamsBuilder();
    LeainConfig.TopicNames topics = config.topics();
    NormaliserTopology.install(builder, config, decoder, metrics);
    KStream<String, GwCandidate> candidates = builder.stream(topics.candidates(),
        Consumed.with(Serdes.String(), ContractSerdes.gwCandidate()).withName("candidates-source"));
    KStream<String, Spectrum> spectra = builder.stream(topics.spectra(),
        Consumed.with(Serdes.String(), ContractSerdes.spectrum()).withName("spectra-source"));
    KStream<String, AssociationChange> changes = JoinTopology.install(builder, candidates, spectra, config, metrics);
    changes.mapValues(LeainTopology::associationOrTombstone, Named.as("associations-values"))
        .to(topics.associations(), Produced.with(Serdes.String(), ContractSerdes.association())
            .withName("associations-sink"));
    KStream<String, DcbhPosterior> posteriors = InferenceTopology.install(builder, changes, engines, config, metrics);
    ShadowTopology.install(builder, posteriors, config, injections, metrics)
        .to(topics.posteriors(), Produced.with(Serdes.String(), ContractSerdes.dcbhPosterior())
            .withName("posteriors-sink"));
    return builder.build();
  }

  private static Association associationOrTombstone(AssociationChange change) {
    return change instanceof AssociationChange.Accepted accepted ? accepted.association() : null;
  }
}
