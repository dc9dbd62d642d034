package org.leain.stream.dlq;

import java.util.regex.Pattern;
import org.leain.contracts.DeadLetterReason;

/**
 * The id rule for superevent and spectrum ids: {@code [A-Za-z0-9._:-]}, 1 to {@value #MAX_LENGTH}
 * characters. Ids become parts of Kafka keys ({@code superevent_id|spectrum_id}, so '|' must never
 * occur in one), URL paths and log lines: anything else is a dead letter.
 */
public final class RecordIds {
  /** Longest accepted id. */
  public static final int MAX_LENGTH = 128;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

  private RecordIds() {}

  /** Whether {@code id} follows the rule. */
  public static boolean isValid(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * Returns {@code id} if valid.
   *
   * @throws DeadLetterException with reason INVALID_ID otherwise
   */
  public static String require(String what, String id) {
    if (!isValid(id)) {
      String shown = id == null ? "null" : id.length() > 64 ? id.substring(0, 64) + "... (" + id.length() + " chars)" : id;
      throw new DeadLetterException(DeadLetterReason.INVALID_ID,
          "Expected " + what + " of 1-" + MAX_LENGTH + " characters [A-Za-z0-9._:-]. Actual: " + shown);
    }
    return id;
  }
}
