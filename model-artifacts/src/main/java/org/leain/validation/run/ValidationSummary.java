package org.leain.validation.run;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The headline numbers, written as summary.json with the keys the validation issue names.
 * NaN where not measured (e.g. no MCMC events).
 */
@JsonPropertyOrder({"nltp_leain", "nltp_baseline", "kl_leain_mean", "kl_baseline_mean", "kl_reduction",
    "is_efficiency_median_leain", "coverage90_leain", "coverage90_baseline", "coverage_max_dev_leain",
    "tarp_atc_leain", "c2st_median_leain", "speedup_median", "n_test", "n_mcmc", "seed"})
public record ValidationSummary(
    @JsonProperty("nltp_leain") double nltpLeain,
    @JsonProperty("nltp_baseline") double nltpBaseline,
    @JsonProperty("kl_leain_mean") double klLeainMean,
    @JsonProperty("kl_baseline_mean") double klBaselineMean,
    @JsonProperty("kl_reduction") double klReduction,
    @JsonProperty("is_efficiency_median_leain") double isEfficiencyMedianLeain,
    @JsonProperty("coverage90_leain") double coverage90Leain,
    @JsonProperty("coverage90_baseline") double coverage90Baseline,
    @JsonProperty("coverage_max_dev_leain") double coverageMaxDevLeain,
    @JsonProperty("tarp_atc_leain") double tarpAtcLeain,
    @JsonProperty("c2st_median_leain") double c2stMedianLeain,
    @JsonProperty("speedup_median") double speedupMedian,
    @JsonProperty("n_test") int nTest,
    @JsonProperty("n_mcmc") int nMcmc,
    @JsonProperty("seed") long seed) {

  /** The proposal's KL criterion: LEAIN's mean KL at least 20% below the baseline's. */
  public boolean klCriterionMet() {
    return klReduction >= 0.2;
  }

  /**
   * The proposal's calibration criterion: central-90% coverage in [0.88, 0.92] and no
   * expected-coverage deviation above 0.03. A deviation is |k/N - level| for a count k, so exactly
   * 0.03 (e.g. 60 of 2,000 events) is not above the bar even when floating point gives
   * 0.030000000000000027; the 1e-9 absorbs that rounding and nothing else (the next possible value
   * is 1/N = 5e-4 away).
   */
  public boolean coverageCriterionMet() {
    return coverage90Leain >= 0.88 && coverage90Leain <= 0.92 && coverageMaxDevLeain <= 0.03 + 1e-9;
  }

  /** The proposal's speed criterion: at least 1000x faster than MCMC per effective sample. */
  public boolean speedCriterionMet() {
    return speedupMedian >= 1000;
  }
}
