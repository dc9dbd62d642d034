package org.leain.validation.mcmc;

/** Why a sampler run stopped. */
public enum StopReason {
  /** Every run's post-burn-in chain was longer than the configured multiple of tau. */
  CONVERGED,
  /** The wall-time cap was hit first: the samples are usable only with care. */
  WALL_TIME_CAP,
  /** The step cap was hit first. */
  MAX_STEPS
}
