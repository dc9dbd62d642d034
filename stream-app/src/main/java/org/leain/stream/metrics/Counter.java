package org.leain.stream.metrics;

/** A counted event, exported as {@code leain_<name>_total}. */
public enum Counter {
  /** LVK notices read from the alert topic (readable or not). */
  ALERTS("alerts"),
  /** Notices that changed a superevent's state (a new version). */
  ALERT_VERSIONS("alert_versions"),
  /** Notices ignored as redeliveries, older versions, or after a retraction. */
  ALERTS_IGNORED("alerts_ignored"),
  /** GW candidate records applied to the join state. */
  CANDIDATES("candidates"),
  /** Spectra read. */
  SPECTRA("spectra"),
  /** Candidate pairs found by the cell pre-filter. */
  PAIRS("pairs"),
  /** Associations emitted (accepted by the exact decision). */
  ASSOCIATIONS("associations"),
  /** Pairs rejected by the exact decision. */
  REJECTIONS("rejections"),
  /** Posteriors emitted. */
  POSTERIORS("posteriors"),
  /** Posteriors emitted with at least one warning (e.g. a spectrum unlike the training simulations). */
  POSTERIORS_FLAGGED("posteriors_flagged"),
  /** Associations withdrawn (tombstones on associations and posteriors). */
  WITHDRAWALS("withdrawals"),
  /** Dead letters written. */
  DEAD_LETTERS("dead_letters");

  private final String metricName;

  Counter(String metricName) {
    this.metricName = metricName;
  }

  /** The exported name without prefix and suffix. */
  public String metricName() {
    return metricName;
  }
}
