package org.leain.posterior;

/** Marginal summary of one parameter from posterior samples (theta-space, in the parameter's unit). */
public record ParameterSummary(
    String name,
    String unit,
    double mean,
    double std,
    double median,
    double p05,
    double p16,
    double p84,
    double p95) {}
