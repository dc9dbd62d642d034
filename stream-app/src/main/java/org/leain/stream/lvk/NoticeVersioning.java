package org.leain.stream.lvk;

import java.util.Optional;
import org.leain.contracts.AlertType;

/**
 * Decides whether an incoming LVK notice replaces a superevent's current state, and with which
 * version. LVK notices carry no version number, and Kafka delivers them out of order across retries
 * and mirrors, so the order is defined here: EARLYWARNING &lt; PRELIMINARY &lt; INITIAL &lt; UPDATE,
 * then {@code time_created}, then arrival (an equal-ranked notice with different content that
 * arrives later wins; with the same content it is a redelivery). An older notice never replaces a
 * newer one. RETRACTION always wins and is sticky: nothing replaces it.
 */
final class NoticeVersioning {
  private NoticeVersioning() {}

  /** The outcome for one notice. */
  enum Outcome {
    /** The notice becomes the superevent's state, with {@link Verdict#state()}'s version. */
    ACCEPTED,
    /** A redelivery of the current notice: nothing changes. */
    DUPLICATE,
    /** Older than the current notice: nothing changes. */
    STALE,
    /** The superevent was retracted: nothing ever changes again. */
    AFTER_RETRACTION
  }

  /** The outcome and the state after the notice (unchanged unless accepted). */
  record Verdict(Outcome outcome, SupereventState state) {}

  static Verdict decide(Optional<SupereventState> current, AlertType type, long timeCreatedMs, String contentDigest) {
    if (current.isEmpty()) {
      return accepted(1, type, timeCreatedMs, contentDigest);
    }
    SupereventState now = current.get();
    if (now.retracted()) {
      return new Verdict(Outcome.AFTER_RETRACTION, now);
    }
    if (type == AlertType.RETRACTION) {
      return accepted(now.version() + 1, type, timeCreatedMs, contentDigest);
    }
    int byRank = Integer.compare(rank(type), rank(now.alertType()));
    int order = byRank != 0 ? byRank : Long.compare(timeCreatedMs, now.timeCreatedMs());
    if (order < 0) {
      return new Verdict(Outcome.STALE, now);
    }
    if (order == 0 && contentDigest.equals(now.contentDigest())) {
      return new Verdict(Outcome.DUPLICATE, now);
    }
    return accepted(now.version() + 1, type, timeCreatedMs, contentDigest);
  }

  private static Verdict accepted(int version, AlertType type, long timeCreatedMs, String digest) {
    return new Verdict(Outcome.ACCEPTED,
        new SupereventState(version, type, timeCreatedMs, digest, type == AlertType.RETRACTION));
  }

  private static int rank(AlertType type) {
    return switch (type) {
      case EARLYWARNING -> 0;
      case PRELIMINARY -> 1;
      case INITIAL -> 2;
      case UPDATE -> 3;
      case RETRACTION -> 4;
    };
  }
}
