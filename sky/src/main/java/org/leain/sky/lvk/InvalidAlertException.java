package org.leain.sky.lvk;

/** An LVK alert that cannot be used, with a machine-readable {@link Reason}. Unchecked. */
public final class InvalidAlertException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why an alert was rejected. */
  public enum Reason {
    /** Neither JSON nor Avro (container or bare body) with the igwn.alerts.v1_0 schema. */
    UNKNOWN_FORMAT,
    /** JSON that does not parse. */
    MALFORMED_JSON,
    /** Avro that does not decode with the igwn.alerts.v1_0 schema. */
    MALFORMED_AVRO,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field of the wrong type or an unusable value (e.g. a time that is not ISO 8601). */
    BAD_FIELD,
    /** An alert_type that is not one of the igwn.alerts.v1_0 symbols. */
    UNKNOWN_ALERT_TYPE,
    /** A superevent id with other characters than [A-Za-z0-9._:-], too long, or not starting with S, M or T. */
    BAD_SUPEREVENT_ID,
    /** A skymap string that is not valid base64. */
    BAD_BASE64,
    /** A skymap that is not a valid multi-order FITS map (see the cause for the skymap reason). */
    BAD_SKYMAP,
    /** More bytes than the limits allow. */
    TOO_LARGE,
  }

  private final Reason reason;

  public InvalidAlertException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public InvalidAlertException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
