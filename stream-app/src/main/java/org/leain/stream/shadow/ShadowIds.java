package org.leain.stream.shadow;

import java.util.Locale;

/**
 * Ids of shadow injections: superevent {@code MSHADOW<seq>} (a mock id, LVK mock ids start with M)
 * and spectrum {@code shadow-<seq>}, with the sequence number zero-padded to nine digits.
 */
final class ShadowIds {
  static final String SUPEREVENT_PREFIX = "MSHADOW";
  static final String SPECTRUM_PREFIX = "shadow-";

  private ShadowIds() {}

  static String supereventId(long sequence) {
    return SUPEREVENT_PREFIX + String.format(Locale.ROOT, "%09d", sequence);
  }

  static String spectrumId(long sequence) {
    return SPECTRUM_PREFIX + String.format(Locale.ROOT, "%09d", sequence);
  }

  /** The association id the pipeline gives the injection's own pair (see Association). */
  static String associationId(long sequence) {
    return supereventId(sequence) + "|" + spectrumId(sequence);
  }

  /** Whether either side is a shadow injection's. */
  static boolean involvesShadow(String supereventId, String spectrumId) {
    return supereventId.startsWith(SUPEREVENT_PREFIX) || spectrumId.startsWith(SPECTRUM_PREFIX);
  }

  /** Whether the two ids are one injection's own pair (same sequence number). */
  static boolean isOwnPair(String supereventId, String spectrumId) {
    return supereventId.startsWith(SUPEREVENT_PREFIX) && spectrumId.startsWith(SPECTRUM_PREFIX)
        && supereventId.substring(SUPEREVENT_PREFIX.length()).equals(spectrumId.substring(SPECTRUM_PREFIX.length()));
  }
}
