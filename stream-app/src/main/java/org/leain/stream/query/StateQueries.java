package org.leain.stream.query;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.stream.inference.InferenceTopology;
import org.leain.stream.join.AssociationKey;
import org.leain.stream.join.AssociationState;
import org.leain.stream.join.JoinTopology;

/** The JSON answers of the query endpoints, read from the live stores. Thread-safe. */
public final class StateQueries {
  /** Candidate fields left out of answers: the map columns (tens of thousands of numbers) and raw bytes. */
  private static final Set<String> CANDIDATE_OMIT = Set.of("uniq", "probdensity_per_sr", "distmu_mpc", "distsigma_mpc",
      "distnorm_per_mpc2", "strain", "original_notice");
  /** Posterior fields left out: samples and the full mixture (consumers read them from the topic). */
  private static final Set<String> POSTERIOR_OMIT = Set.of("samples", "mixture", "true_values");

  private final StoreAccess stores;

  public StateQueries(StoreAccess stores) {
    this.stores = stores;
  }

  /**
   * The superevent's latest alert version, its associations and their posterior summaries; empty
   * when this instance holds no state for it.
   */
  public Optional<ObjectNode> superevent(String supereventId) {
    ReadOnlyKeyValueStore<String, GwCandidate> candidates = stores.keyValueStore(JoinTopology.CANDIDATE_STORE);
    GwCandidate candidate = candidates.get(supereventId);
    if (candidate == null) {
      return Optional.empty();
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    answer.set("candidate", AvroJson.of(candidate, CANDIDATE_OMIT));
    answer.put("retracted", candidate.getAlertType() == org.leain.contracts.AlertType.RETRACTION);
    ArrayNode associations = answer.putArray("associations");
    ReadOnlyKeyValueStore<String, AssociationState> states = stores.keyValueStore(JoinTopology.ASSOCIATION_STORE);
    try (KeyValueIterator<String, AssociationState> it =
        states.prefixScan(AssociationKey.prefixOf(supereventId), new StringSerializer())) {
      it.forEachRemaining(kv -> associations.add(withPosterior(kv.value.association())));
    }
    return Optional.of(answer);
  }

  /** Every association of a spectrum held by this instance (a scan: spectra are keyed by superevent here). */
  public ArrayNode spectrumAssociations(String spectrumId) {
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    ReadOnlyKeyValueStore<String, AssociationState> states = stores.keyValueStore(JoinTopology.ASSOCIATION_STORE);
    try (KeyValueIterator<String, AssociationState> it = states.all()) {
      while (it.hasNext()) {
        KeyValue<String, AssociationState> kv = it.next();
        if (AssociationKey.spectrumIdOf(kv.key).equals(spectrumId)) {
          out.add(withPosterior(kv.value.association()));
        }
      }
    }
    return out;
  }

  private ObjectNode withPosterior(Association association) {
    ObjectNode node = AvroJson.of(association, Set.of());
    ReadOnlyKeyValueStore<String, DcbhPosterior> posteriors = stores.keyValueStore(InferenceTopology.POSTERIOR_STORE);
    DcbhPosterior posterior = posteriors.get(association.getAssociationId());
    node.set("posterior", posterior == null ? JsonNodeFactory.instance.nullNode() : AvroJson.of(posterior, POSTERIOR_OMIT));
    return node;
  }
}
