package org.leain.stream.lvk;

import java.nio.charset.StandardCharsets;
import org.leain.contracts.AlertType;

/**
 * What the normaliser remembers per superevent: the version it last assigned and the rank of the
 * notice that holds it (alert type, then time created, then a digest of its content to tell a
 * redelivery from a genuinely new notice), and whether the superevent was retracted.
 */
record SupereventState(int version, AlertType alertType, long timeCreatedMs, String contentDigest, boolean retracted) {

  SupereventState {
    if (version < 1) {
      throw new IllegalArgumentException("Expected version >= 1. Actual: " + version);
    }
    if (contentDigest.indexOf('|') >= 0) {
      throw new IllegalArgumentException("Expected a digest without '|'. Actual: " + contentDigest);
    }
  }

  /** A compact text form for the state store: {@code version|type|timeCreatedMs|digest|retracted}. */
  byte[] toBytes() {
    return (version + "|" + alertType.name() + "|" + timeCreatedMs + "|" + contentDigest + "|" + retracted)
        .getBytes(StandardCharsets.UTF_8);
  }

  static SupereventState fromBytes(byte[] bytes) {
    String[] parts = new String(bytes, StandardCharsets.UTF_8).split("\\|", -1);
    if (parts.length != 5) {
      throw new IllegalArgumentException("Expected 5 fields in a stored superevent state. Actual: " + parts.length);
    }
    return new SupereventState(Integer.parseInt(parts[0]), AlertType.valueOf(parts[1]), Long.parseLong(parts[2]),
        parts[3], Boolean.parseBoolean(parts[4]));
  }
}
