package org.leain.stream.join;

import org.leain.contracts.Association;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;

/**
 * What the exact decision emits for one association key: a (new or re-decided) accepted association
 * with the inputs the network needs, or a withdrawal. Passed between processors of one task only,
 * never serialized (the candidate holds the whole skymap).
 */
public sealed interface AssociationChange {

  /** The key {@code superevent_id|spectrum_id}. */
  String key();

  /** An association accepted against the candidate's current state. */
  record Accepted(Association association, GwCandidate candidate, Spectrum spectrum) implements AssociationChange {
    @Override
    public String key() {
      return association.getAssociationId();
    }
  }

  /** A previously emitted association that no longer holds (moved region, retraction). */
  record Withdrawn(String key, String reason) implements AssociationChange {}
}
