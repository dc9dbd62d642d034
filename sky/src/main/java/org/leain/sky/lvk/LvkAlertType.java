package org.leain.sky.lvk;

/** The igwn.alerts.v1_0 alert types, in the order a normaliser ranks them (RETRACTION aside). */
public enum LvkAlertType {
  EARLYWARNING,
  PRELIMINARY,
  INITIAL,
  UPDATE,
  RETRACTION;

  /** Parses the schema symbol, also accepting EARLY_WARNING (the schema doc string's spelling). */
  static LvkAlertType parse(String s) {
    if (s == null) {
      throw new InvalidAlertException(InvalidAlertException.Reason.MISSING_FIELD,
          "Expected alert_type. Actual: absent");
    }
    String t = s.strip();
    if (t.equals("EARLY_WARNING")) {
      return EARLYWARNING;
    }
    for (LvkAlertType v : values()) {
      if (v.name().equals(t)) {
        return v;
      }
    }
    throw new InvalidAlertException(InvalidAlertException.Reason.UNKNOWN_ALERT_TYPE,
        "Expected alert_type EARLYWARNING, PRELIMINARY, INITIAL, UPDATE or RETRACTION. Actual: " + s);
  }
}
