package org.leain.validation.run;

import java.util.ArrayList;
import java.util.List;
import org.leain.validation.metrics.EventPosterior;

/**
 * A model that maps an observation to its posterior in one pass (LEAIN or the baseline network,
 * through an adapter over the posterior module's estimator; analytic posteriors in tests).
 *
 * @param <X> the observation type
 */
public interface AmortizedPosterior<X> {

  /** A short name for reports, e.g. "leain-v1". */
  String name();

  /** q(theta | x) for one observation. */
  EventPosterior posterior(X observation);

  /** Posteriors of several observations; override to batch network calls. */
  default List<EventPosterior> posteriors(List<X> observations) {
    List<EventPosterior> out = new ArrayList<>();
    for (X x : observations) {
      out.add(posterior(x));
    }
    return out;
  }
}
