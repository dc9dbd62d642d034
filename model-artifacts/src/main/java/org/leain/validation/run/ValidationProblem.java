package org.leain.validation.run;

import java.util.List;
import org.leain.validation.mcmc.BoxBounds;
import org.leain.validation.mcmc.LogDensity;

/**
 * The simulator side of a validation: test events drawn from the prior and the simulator, and the
 * exact unnormalised posterior of an observation for the MCMC gold standard. For LEAIN, X is the
 * simulator's observation (SED + strain), the parameters are the 7 inferred physical ones, and the
 * log density is log likelihood (phi_c marginalised) + log prior.
 *
 * @param <X> the observation type
 */
public interface ValidationProblem<X> {

  /** One test event: the parameters and the observation they generated. */
  record TestEvent<X>(double[] thetaTrue, X observation) {}

  List<String> parameterNames();

  /** The prior box of the inferred parameters (the MCMC support, TARP's reference distribution). */
  BoxBounds box();

  /** Draws theta* from the prior and x from the simulator, deterministically for a seed. */
  TestEvent<X> draw(long seed);

  /** log p(x | theta) + log p(theta) up to a constant, over the inferred parameters. */
  LogDensity logPosterior(X observation);
}
