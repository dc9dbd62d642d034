package org.leain.stream.join;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.SkymapChoice;
import org.leain.sky.skymap.SkymapIndex;
import org.leain.stream.config.LeainConfig.SkymapSelection;

/**
 * The indexed maps of the most recently used candidate states, so that deciding a pair costs a
 * binary search rather than re-validating and sorting ~19,000 pixels. One per processor instance
 * (single-threaded); keyed by superevent and version, so a new version never meets a stale index.
 */
final class SkymapCache {
  private static final int CAPACITY = 32;

  private final SkymapSelection selection;
  private final Map<String, SkymapIndex> byVersion = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, SkymapIndex> eldest) {
      return size() > CAPACITY;
    }
  };

  SkymapCache(SkymapSelection selection) {
    this.selection = selection;
  }

  SkymapChoice choice(GwCandidate candidate) {
    return CandidateMaps.choice(candidate, selection);
  }

  void put(GwCandidate candidate, SkymapIndex index) {
    byVersion.put(candidate.getSupereventId() + "#" + candidate.getVersion(), index);
  }

  /** The index of a stored (already validated) candidate's selected map; empty on retraction. */
  Optional<SkymapIndex> indexOf(GwCandidate candidate) {
    String key = candidate.getSupereventId() + "#" + candidate.getVersion();
    SkymapIndex cached = byVersion.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<SkymapIndex> index = CandidateMaps.index(candidate, choice(candidate));
    index.ifPresent(i -> byVersion.put(key, i));
    return index;
  }
}
