package org.leain.posterior.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** Small array compositions DJL lacks as one call (package-private). */
final class NDArrays {

  private NDArrays() {}

  /** Concatenates along an axis. */
  static NDArray concat(NDList arrays, int axis) {
    NDArray out = arrays.get(0);
    for (int i = 1; i < arrays.size(); i++) {
      out = out.concat(arrays.get(i), axis);
    }
    return out;
  }
}
