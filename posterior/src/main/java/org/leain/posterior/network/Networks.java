package org.leain.posterior.network;

import ai.djl.nn.Block;

/** Builds the block a {@link NetworkConfig} describes. */
public final class Networks {

  private Networks() {}

  /** A new, uninitialised LEAIN or baseline block. */
  public static Block build(NetworkConfig config) {
    return config.kind().equals("leain") ? new LeainNetwork(config) : new BaselineNetwork(config);
  }
}
