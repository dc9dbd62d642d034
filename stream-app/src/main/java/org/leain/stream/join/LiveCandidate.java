package org.leain.stream.join;

import java.util.Optional;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.SkymapChoice;
import org.leain.sky.skymap.SkymapIndex;

/**
 * A validated candidate with its selected map already indexed (empty on retraction), handed from
 * the validation step to the state and cell steps of the same task.
 */
record LiveCandidate(GwCandidate candidate, Optional<SkymapIndex> index, SkymapChoice skymapUsed, long ingestedMs) {

  String supereventId() {
    return candidate.getSupereventId();
  }

  int version() {
    return candidate.getVersion();
  }

  boolean retracted() {
    return candidate.getAlertType() == org.leain.contracts.AlertType.RETRACTION;
  }
}
