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

  /**
   * Whether a posterior involves shadow input on either side: its own pair, or a cross pair of a
   * shadow candidate with a real spectrum (or the reverse) that the sky join accepted because the
   * positions happen to agree. Both are simulated traffic and flagged.
   */
  static boolean involvesShadow(String supereventId, String spectrumId) {
    return supereventId.startsWith(SUPEREVENT_PREFIX) || spectrumId.startsWith(SPECTRUM_PREFIX);
  }
}
