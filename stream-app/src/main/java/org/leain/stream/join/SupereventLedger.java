package org.leain.stream.join;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.leain.contracts.Association;
import org.leain.contracts.AssociationTimings;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.sky.skymap.SkymapIndex;
import org.leain.stream.metrics.Counter;
import org.leain.stream.metrics.StreamMetrics;

/**
 * The per-superevent join state of one task: the current candidate per superevent and the accepted
 * associations, with the two operations that change them. Used by the candidate step and the pair
 * step of the same task (so single-threaded).
 */
final class SupereventLedger {
  private static final StringSerializer KEYS = new StringSerializer();

  private final KeyValueStore<String, GwCandidate> candidates;
  private final KeyValueStore<String, CandidateVersion> versions;
  private final KeyValueStore<String, AssociationState> associations;
  private final ExactDecision decision;
  private final SkymapCache maps;
  private final StreamMetrics metrics;

  SupereventLedger(KeyValueStore<String, GwCandidate> candidates, KeyValueStore<String, CandidateVersion> versions,
      KeyValueStore<String, AssociationState> associations, ExactDecision decision, SkymapCache maps,
      StreamMetrics metrics) {
    this.candidates = candidates;
    this.versions = versions;
    this.associations = associations;
    this.decision = decision;
    this.maps = maps;
    this.metrics = metrics;
  }

  /**
   * Applies a candidate state. Ignored when the stored state is retracted or at least as new. A
   * retraction withdraws every association of the superevent; a new version re-decides each one
   * against the new map (still inside: re-emitted with the new version; outside: withdrawn). Pairs
   * the new map adds arrive later through the cells.
   *
   * @return the changes to emit, possibly none
   */
  List<AssociationChange> applyCandidate(LiveCandidate live, long nowMs) {
    CandidateVersion current = versions.get(live.supereventId());
    if (current != null && (current.retracted() || current.version() >= live.version())) {
      return List.of();
    }
    candidates.put(live.supereventId(), live.candidate());
    versions.put(live.supereventId(), new CandidateVersion(live.version(), live.retracted()));
    maps.put(live.candidate(), live.index());
    List<KeyValue<String, AssociationState>> existing = new ArrayList<>();
    try (KeyValueIterator<String, AssociationState> it =
        associations.prefixScan(AssociationKey.prefixOf(live.supereventId()), KEYS)) {
      it.forEachRemaining(existing::add);
    }
    List<AssociationChange> changes = new ArrayList<>();
    for (KeyValue<String, AssociationState> entry : existing) {
      if (live.retracted()) {
        changes.add(withdraw(entry.key, "superevent " + live.supereventId() + " retracted"));
        continue;
      }
      AssociationState state = entry.value;
      AssociationTimings timings = new AssociationTimings(live.ingestedMs(),
          state.association().getTimings().getIngestSpectrumMs(), nowMs);
      Association redecided = decision.decide(live.candidate(), live.index().orElseThrow(), live.skymapUsed(),
          state.spectrum(), timings);
      if (redecided.getAccepted()) {
        changes.add(accept(redecided, live.candidate(), state.spectrum()));
      } else {
        changes.add(withdraw(entry.key, "version " + live.version() + ": " + redecided.getReason()));
      }
    }
    return changes;
  }

  /**
   * Decides a pair from the cells against the superevent's current state. A pair already decided at
   * the current version (a redelivery, or a cell revisited) changes nothing; a rejected pair that was
   * accepted at an older version is withdrawn.
   */
  Optional<AssociationChange> decidePair(CellPair pair) {
    CandidateVersion version = versions.get(pair.supereventId());
    if (version == null || version.retracted()) {
      return Optional.empty();
    }
    Spectrum spectrum = pair.spectrum();
    String key = AssociationKey.of(pair.supereventId(), spectrum.getSpectrumId());
    AssociationState previous = associations.get(key);
    if (previous != null && previous.association().getAlertVersion() == version.version()) {
      return Optional.empty();
    }
    Optional<SkymapCache.Entry> entry = maps.get(pair.supereventId(), version.version(),
        () -> candidates.get(pair.supereventId()));
    if (entry.isEmpty() || entry.get().index().isEmpty()) {
      return Optional.empty();
    }
    GwCandidate current = entry.get().candidate();
    Optional<SkymapIndex> index = entry.get().index();
    AssociationTimings timings = new AssociationTimings(pair.candidateIngestedMs(), pair.spectrumIngestedMs(),
        pair.joinedMs());
    Association decided = decision.decide(current, index.get(), maps.choice(current), spectrum, timings);
    if (decided.getAccepted()) {
      return Optional.of(accept(decided, current, spectrum));
    }
    metrics.increment(Counter.REJECTIONS);
    return previous == null ? Optional.empty()
        : Optional.of(withdraw(key, "version " + current.getVersion() + ": " + decided.getReason()));
  }

  private AssociationChange accept(Association association, GwCandidate candidate, Spectrum spectrum) {
    associations.put(association.getAssociationId(), new AssociationState(association, spectrum));
    metrics.increment(Counter.ASSOCIATIONS);
    return new AssociationChange.Accepted(association, candidate, spectrum);
  }

  private AssociationChange withdraw(String key, String reason) {
    associations.delete(key);
    metrics.increment(Counter.WITHDRAWALS);
    return new AssociationChange.Withdrawn(key, reason);
  }
}
