package org.leain.validation.run;

import java.util.List;
import org.leain.validation.mcmc.BoxBounds;

/** Everything a validation measured, for the report writer. */
public record ValidationResults(ValidationSummary summary, List<String> parameterNames, BoxBounds box,
    ModelMetrics leain, ModelMetrics baseline, List<McmcEventOutcome> mcmcEvents, ValidationSettings settings) {}
