package org.leain.sky.lvk;

import java.time.Instant;
import java.util.Map;

/**
 * One LVK notice as read, before normalisation into a GwCandidate.
 *
 * @param supereventId e.g. MS181101ab
 * @param kind real, mock or test, from the id's first letter
 * @param alertType the notice type
 * @param timeCreated the notice's time_created
 * @param event the event information; null for RETRACTION
 * @param externalCoinc the external coincidence, or null
 * @param urls URLs as given (possibly empty)
 * @param format the encoding the notice arrived in
 */
public record LvkAlert(
    String supereventId,
    Kind kind,
    LvkAlertType alertType,
    Instant timeCreated,
    LvkEvent event,
    LvkExternalCoinc externalCoinc,
    Map<String, String> urls,
    Format format) {

  /** What a superevent id's first letter says. */
  public enum Kind {
    /** S: a real candidate. */
    REAL,
    /** M: a mock event (e.g. the MS181101ab examples, or low-latency mock data challenges). */
    MOCK,
    /** T: a test event. */
    TEST;

    static Kind ofSupereventId(String id) {
      return switch (id.charAt(0)) {
        case 'S' -> REAL;
        case 'M' -> MOCK;
        case 'T' -> TEST;
        default -> throw new InvalidAlertException(InvalidAlertException.Reason.BAD_SUPEREVENT_ID,
            "Expected a superevent id starting with S, M or T. Actual: " + id);
      };
    }
  }

  /** The encoding of a notice. */
  public enum Format {
    /** JSON as GCN Kafka serves it (base64 skymaps). */
    GCN_JSON,
    /** Avro as SCiMMA serves it (object container file, or a bare binary body). */
    SCIMMA_AVRO
  }

  /** Whether this is a mock or test event (never a real astrophysical candidate). */
  public boolean isMockOrTest() {
    return kind != Kind.REAL;
  }
}
