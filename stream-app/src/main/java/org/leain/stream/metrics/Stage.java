package org.leain.stream.metrics;

/** A latency stage, named as in the exported label {@code stage="..."}. */
public enum Stage {
  /** From the later ingestion of the two inputs of a pair to the join that paired them. */
  INGEST_TO_JOIN("ingest_to_join"),
  /** From the join to the start of inference (includes the re-keying hop to the decision). */
  JOIN_TO_INFERENCE("join_to_inference"),
  /** The model call. */
  INFERENCE("inference"),
  /** From the later ingestion of the two inputs to the emission of the posterior. */
  END_TO_END("end_to_end");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  /** The Prometheus label value. */
  public String label() {
    return label;
  }
}
