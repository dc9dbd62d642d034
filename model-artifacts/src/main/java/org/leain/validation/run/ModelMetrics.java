package org.leain.validation.run;

import org.leain.validation.metrics.CoverageCurve;
import org.leain.validation.metrics.IntervalCoverage;
import org.leain.validation.metrics.Nltp;
import org.leain.validation.metrics.SbcRanks;
import org.leain.validation.metrics.Tarp;

/**
 * The metrics of one model on the test set (theta-space; all from the same draws).
 */
public record ModelMetrics(String name, Nltp.Result nltp, IntervalCoverage coverage90, CoverageCurve coverageCurve,
    Tarp tarp, SbcRanks sbc) {}
