package org.leain.stream.join;

import java.util.Optional;
import org.leain.contracts.AlertType;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.SkymapChoice;
import org.leain.sky.skymap.SkymapIndex;
import org.leain.sky.lvk.GwCandidates;
import org.leain.stream.config.LeainConfig.SkymapSelection;
import org.leain.stream.dlq.DeadLetterException;

/**
 * Turns a candidate's map columns into an indexed sky map (validating them) and picks the map the
 * join uses: the GW map, or the combined map when so configured and present.
 */
final class CandidateMaps {
  private CandidateMaps() {}

  /** Which map the join uses for this candidate. */
  static SkymapChoice choice(GwCandidate candidate, SkymapSelection selection) {
    return selection == SkymapSelection.COMBINED && candidate.getCombinedSkymap() != null
        ? SkymapChoice.COMBINED : SkymapChoice.EVENT;
  }

  /**
   * The index of the selected map; empty for a retraction.
   *
   * @throws org.leain.sky.skymap.InvalidSkymapException if the columns are no valid NUNIQ map
   * @throws DeadLetterException (INVALID_SKYMAP) for a non-retraction without a map
   */
  static Optional<SkymapIndex> index(GwCandidate candidate, SkymapChoice choice) {
    if (candidate.getAlertType() == AlertType.RETRACTION) {
      return Optional.empty();
    }
    MultiOrderSkymap map = choice == SkymapChoice.COMBINED ? candidate.getCombinedSkymap() : candidate.getSkymap();
    if (map == null) {
      throw new DeadLetterException(DeadLetterReason.INVALID_SKYMAP,
          "Expected a skymap on a " + candidate.getAlertType() + " candidate. Actual: none");
    }
    return Optional.of(GwCandidates.toSkymap(map).index());
  }
}
