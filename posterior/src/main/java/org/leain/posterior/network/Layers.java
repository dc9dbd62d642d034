package org.leain.posterior.network;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

/** The building blocks both networks share (package-private). */
final class Layers {

  private Layers() {}

  /**
   * A 1D CNN: conv (kernel 5, zero padding) + ReLU + max-pool 2 per layer for each entry of
   * {@code channels}, then flatten and a linear layer to {@code features} with ReLU. The first
   * layer may stride to shorten long inputs.
   */
  static SequentialBlock cnn(int[] channels, int firstStride, int features) {
    SequentialBlock block = new SequentialBlock();
    for (int i = 0; i < channels.length; i++) {
      block.add(Conv1d.builder().setKernelShape(new Shape(5)).setFilters(channels[i])
          .optPadding(new Shape(2)).optStride(new Shape(i == 0 ? firstStride : 1)).build());
      block.add(Activation.reluBlock());
      block.add(Pool.maxPool1dBlock(new Shape(2), new Shape(2)));
    }
    block.add(Blocks.batchFlattenBlock());
    block.add(Linear.builder().setUnits(features).build());
    block.add(Activation.reluBlock());
    return block;
  }

  /** An MLP: linear + ReLU per hidden width, then a linear output layer. */
  static SequentialBlock mlp(int[] hidden, int outputs) {
    SequentialBlock block = new SequentialBlock();
    for (int width : hidden) {
      block.add(Linear.builder().setUnits(width).build());
      block.add(Activation.reluBlock());
    }
    block.add(Linear.builder().setUnits(outputs).build());
    return block;
  }
}
