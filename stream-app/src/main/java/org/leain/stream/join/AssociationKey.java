package org.leain.stream.join;

/**
 * The key of an association and its posterior on the output topics: {@code superevent_id|spectrum_id}.
 * Ids never contain '|' (see {@link org.leain.stream.dlq.RecordIds}), so the key splits back uniquely.
 */
public final class AssociationKey {
  private AssociationKey() {}

  /** {@code supereventId + "|" + spectrumId}. */
  public static String of(String supereventId, String spectrumId) {
    return supereventId + "|" + spectrumId;
  }

  /** The prefix shared by every association of a superevent. */
  public static String prefixOf(String supereventId) {
    return supereventId + "|";
  }

  /** The spectrum id of a key. */
  public static String spectrumIdOf(String key) {
    return key.substring(key.indexOf('|') + 1);
  }

  /** The superevent id of a key. */
  public static String supereventIdOf(String key) {
    return key.substring(0, key.indexOf('|'));
  }
}
