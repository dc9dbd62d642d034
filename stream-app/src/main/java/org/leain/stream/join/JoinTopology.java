package org.leain.stream.join;

import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.metrics.StreamMetrics;
import org.leain.stream.shadow.ShadowTopology;

/**
 * Adds the sky join to a topology: candidates and spectra in, association changes out. Every
 * processor, store and repartition topic is named here (names are part of the app's contract with
 * its state: renaming one orphans its changelog).
 */
public final class JoinTopology {
  /** Current candidate per superevent (key superevent id). */
  public static final String CANDIDATE_STORE = "leain-candidates";
  /** Current candidate version per superevent and whether it is retracted (a few bytes per superevent). */
  public static final String CANDIDATE_VERSION_STORE = "leain-candidate-versions";
  /** Accepted associations (key {@code superevent_id|spectrum_id}), value {@link AssociationState}. */
  public static final String ASSOCIATION_STORE = "leain-associations";
  /** Candidates present in each join cell (window store on ingestion time). */
  public static final String CELL_CANDIDATE_STORE = "leain-cell-candidates";
  /** Spectra in each join cell (window store on ingestion time). */
  public static final String CELL_SPECTRUM_STORE = "leain-cell-spectra";
  /** Repartition topics (suffixes; Kafka Streams prefixes the application id and appends -repartition). */
  public static final String CANDIDATE_CELLS_TOPIC = "candidate-cells";
  public static final String SPECTRA_BY_CELL_TOPIC = "spectra-by-cell";
  public static final String PAIRS_BY_SUPEREVENT_TOPIC = "pairs-by-superevent";

  private JoinTopology() {}

  /** Adds the join; returns the stream of association changes keyed {@code superevent_id|spectrum_id}. */
  public static KStream<String, AssociationChange> install(StreamsBuilder builder, KStream<String, GwCandidate> candidates,
      KStream<String, Spectrum> spectra, LeainConfig config, StreamMetrics metrics) {
    LeainConfig.JoinSettings join = config.join();
    int partitions = config.layout().partitions();
    Duration retention = join.retention();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CANDIDATE_STORE),
        Serdes.String(), ContractSerdes.gwCandidate()).withCachingDisabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CANDIDATE_VERSION_STORE),
        Serdes.String(), CandidateVersion.SERDE).withCachingDisabled());
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ASSOCIATION_STORE),
        Serdes.String(), AssociationState.SERDE).withCachingDisabled());
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(CELL_CANDIDATE_STORE, retention, Duration.ofMillis(1), true),
        Serdes.String(), CellCandidate.SERDE).withCachingDisabled());
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(CELL_SPECTRUM_STORE, retention, Duration.ofMillis(1), true),
        Serdes.String(), ContractSerdes.spectrum()).withCachingDisabled());

    KStream<String, LiveCandidate> live = candidates.processValues(
        () -> new CandidateValidation(join.skymap(), metrics), Named.as("candidates-validate"));
    KStream<String, AssociationChange> fromCandidates = live.process(
        () -> new CandidateStep(join, metrics), Named.as("candidates-apply"), CANDIDATE_STORE, CANDIDATE_VERSION_STORE,
        ASSOCIATION_STORE);
    KStream<String, CellCandidate> candidateCells = live
        .process(() -> new CandidateCells(join.order(), join.searchedProbMax()), Named.as("candidates-cells"))
        .repartition(Repartitioned.with(Serdes.String(), CellCandidate.SERDE)
            .withName(CANDIDATE_CELLS_TOPIC).withNumberOfPartitions(partitions));
    KStream<String, Spectrum> spectrumCells = spectra
        .process(() -> new SpectrumCells(join.order(), metrics), Named.as("spectra-cells"))
        .repartition(Repartitioned.with(Serdes.String(), ContractSerdes.spectrum())
            .withName(SPECTRA_BY_CELL_TOPIC).withNumberOfPartitions(partitions));

    KStream<String, CellPair> pairsFromCandidates = candidateCells.process(
        () -> new CellJoin.CandidateSide(retention, metrics), Named.as("cells-join-candidates"),
        CELL_CANDIDATE_STORE, CELL_SPECTRUM_STORE);
    KStream<String, CellPair> pairsFromSpectra = spectrumCells.process(
        () -> new CellJoin.SpectrumSide(retention, metrics), Named.as("cells-join-spectra"),
        CELL_CANDIDATE_STORE, CELL_SPECTRUM_STORE);
    KStream<String, CellPair> found = pairsFromCandidates.merge(pairsFromSpectra, Named.as("cells-pairs"));
    if (config.shadow().enabled()) {
      // A shadow injection pairs only with itself (its sky map can be thousands of deg^2).
      found = found.filter((cell, pair) -> ShadowTopology.mayPair(pair.supereventId(), pair.spectrum().getSpectrumId()),
          Named.as("cells-pairs-shadow"));
    }
    KStream<String, CellPair> pairs = found
        .repartition(Repartitioned.with(Serdes.String(), CellPair.SERDE)
            .withName(PAIRS_BY_SUPEREVENT_TOPIC).withNumberOfPartitions(partitions));
    KStream<String, AssociationChange> fromPairs = pairs.process(
        () -> new PairStep(join, metrics), Named.as("pairs-decide"), CANDIDATE_STORE, CANDIDATE_VERSION_STORE,
        ASSOCIATION_STORE);
    return fromCandidates.merge(fromPairs, Named.as("association-changes"));
  }
}
