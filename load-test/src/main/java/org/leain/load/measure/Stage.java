package org.leain.load.measure;

import org.leain.contracts.PosteriorTimings;

/** A stage of one posterior's end-to-end latency (see the package documentation). */
public enum Stage {
  PRODUCE("intended send -> spectrum ingested"),
  JOIN("later ingestion -> association decided"),
  QUEUE("association -> inference start"),
  INFERENCE("inference start -> end"),
  EMIT("inference end -> handed to producer"),
  DELIVER("handed to producer -> visible (read_committed)");

  private final String description;

  Stage(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }

  /** The JSON/table name, lower case. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * This stage's duration in milliseconds for one posterior, clamped at 0 (timestamps from different
   * processes are read from the same clock here but truncated to whole milliseconds).
   */
  public long durationMs(PosteriorTimings t, long intendedWallMs, long visibleWallMs) {
    long ms = switch (this) {
      case PRODUCE -> t.getIngestSpectrumMs() - intendedWallMs;
      case JOIN -> t.getJoinedMs() - Math.max(t.getIngestSpectrumMs(), t.getIngestGwMs());
      case QUEUE -> t.getInferenceStartMs() - t.getJoinedMs();
      case INFERENCE -> t.getInferenceEndMs() - t.getInferenceStartMs();
      case EMIT -> t.getEmittedMs() - t.getInferenceEndMs();
      case DELIVER -> visibleWallMs - t.getEmittedMs();
    };
    return Math.max(0, ms);
  }
}
