package org.leain.posterior.network;

import ai.djl.ndarray.NDArray;

/**
 * Whether a forward pass needs its strain branch. Both networks multiply every strain feature by
 * strainPresent, so a batch with no strain at all (every spectrum joined to a real LVK alert, which
 * carries a skymap but no strain) gives exactly the same outputs without running the strain frame,
 * canvas and CNN; at batch 1 that branch is most of LEAIN's work. Training always runs it, so the
 * gradients and the autograd graph never depend on a batch's composition.
 */
final class StrainPresence {

  private StrainPresence() {}

  /** True when training, or when any row of {@code present} (B, 1) is non-zero. */
  static boolean anyInBatch(NDArray present, boolean training) {
    return training || present.max().getFloat() != 0f;
  }
}
