package org.leain.stream.join;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.SkymapChoice;
import org.leain.sky.skymap.SkymapIndex;
import org.leain.stream.config.LeainConfig.SkymapSelection;

/**
 * The most recently used candidate states, decoded and with their selected map indexed, so that
 * deciding a pair costs a binary search rather than decoding a ~1 MB record and sorting ~19,000
 * pixels. One per processor instance (single-threaded); keyed by superevent and version, so a new
 * version never meets a stale entry.
 */
final class SkymapCache {
  private static final int CAPACITY = 32;

  /** A decoded candidate and its index (empty on retraction). */
  record Entry(GwCandidate candidate, Optional<SkymapIndex> index) {}

  private final SkymapSelection selection;
  private final Map<String, Entry> byVersion = new LinkedHashMap<>(16, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > CAPACITY;
    }
  };

  SkymapCache(SkymapSelection selection) {
    this.selection = selection;
  }

  SkymapChoice choice(GwCandidate candidate) {
    return CandidateMaps.choice(candidate, selection);
  }

  void put(GwCandidate candidate, Optional<SkymapIndex> index) {
    byVersion.put(candidate.getSupereventId() + "#" + candidate.getVersion(), new Entry(candidate, index));
  }

  /**
   * The entry of a superevent at a version, loading (and validating) the stored candidate on a miss.
   * Empty when the store holds no candidate for it.
   */
  Optional<Entry> get(String supereventId, int version, Supplier<GwCandidate> stored) {
    String key = supereventId + "#" + version;
    Entry cached = byVersion.get(key);
    if (cached != null) {
      return Optional.of(cached);
    }
    GwCandidate candidate = stored.get();
    if (candidate == null || candidate.getVersion() != version) {
      return Optional.empty();
    }
    Entry entry = new Entry(candidate, CandidateMaps.index(candidate, choice(candidate)));
    byVersion.put(key, entry);
    return Optional.of(entry);
  }
}
