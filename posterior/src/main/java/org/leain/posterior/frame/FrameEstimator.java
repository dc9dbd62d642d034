package org.leain.posterior.frame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Estimates the frame (a translation in grid units times the grid step) of a single-channel signal
 * as the centre of mass of a non-negative score map from bias-free zero-padded convolutions. See the
 * package documentation for why this is exactly equivariant.
 *
 * <p>Input: (B, 1, N) float32. Output: (B,) float64 frame in the grid's coordinate (e.g. eta).
 */
public final class FrameEstimator extends AbstractBlock {

  private final int bins;
  private final int channels;
  private final double step;
  private final double anchorInit;
  private final Conv1d first;
  private final Conv1d second;
  private final Conv1d score;
  private final Parameter anchor;

  /**
   * @param bins input length N
   * @param step grid step in frame units (e.g. the ln-wavelength step)
   * @param anchorInit initial frame when the score mass sits at the window centre
   * @param channels hidden channels
   * @param kernel odd kernel length
   */
  public FrameEstimator(int bins, double step, double anchorInit, int channels, int kernel) {
    if (kernel % 2 == 0 || kernel < 1) {
      throw new IllegalArgumentException("Expected an odd kernel length. Actual: " + kernel);
    }
    this.bins = bins;
    this.channels = channels;
    this.step = step;
    this.anchorInit = anchorInit;
    this.first = addChildBlock("first", conv(channels, kernel));
    this.second = addChildBlock("second", conv(channels, kernel));
    this.score = addChildBlock("score", conv(1, kernel));
    this.anchor = addParameter(Parameter.builder().setName("anchor")
        .setType(Parameter.Type.BIAS).optShape(new Shape(1)).build());
  }

  private static Conv1d conv(int filters, int kernel) {
    return Conv1d.builder().setKernelShape(new Shape(kernel)).setFilters(filters)
        .optPadding(new Shape(kernel / 2)).optBias(false).build();
  }

  /** The score map s = h^2, shape (B, N), float32; zero wherever the receptive field sees zeros. */
  public NDArray scoreMap(ParameterStore store, NDArray signal, boolean training) {
    NDArray h = Activation.relu(first.forward(store, new NDList(signal), training).head());
    h = Activation.relu(second.forward(store, new NDList(h), training).head());
    h = score.forward(store, new NDList(h), training).head();
    return h.square().reshape(signal.getShape().get(0), bins);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray signal = inputs.head();
    NDArray s = scoreMap(store, signal, training).toType(DataType.FLOAT64, false);
    NDManager m = signal.getManager();
    NDArray centred = m.arange(0, bins, 1, DataType.FLOAT64).sub((bins - 1) / 2.0);
    NDArray mass = s.sum(new int[] {1});
    NDArray centre = s.mul(centred).sum(new int[] {1}).div(mass.add(1e-30));
    NDArray a = store.getValue(anchor, signal.getDevice(), training).toType(DataType.FLOAT64, false);
    return new NDList(centre.mul(step).add(a).add(anchorInit));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long b = inputShapes[0].get(0);
    first.initialize(manager, dataType, inputShapes[0]);
    second.initialize(manager, dataType, new Shape(b, channels, bins));
    score.initialize(manager, dataType, new Shape(b, channels, bins));
  }
}
