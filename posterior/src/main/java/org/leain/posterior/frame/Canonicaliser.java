package org.leain.posterior.frame;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Moves a multi-channel signal (B, C, N) into a canvas (B, C, L) by a per-example offset in bins:
 * canvas bin j reads the input at position j - offset, linearly interpolated, zero outside the
 * input. Integer offsets copy exactly. Parameter-free and thread-safe; differentiable in the input
 * and in the fractional part of the offset.
 */
public final class Canonicaliser {

  private final int inputBins;
  private final int canvasBins;

  public Canonicaliser(int inputBins, int canvasBins) {
    if (inputBins < 1 || canvasBins < 1) {
      throw new IllegalArgumentException("Expected positive lengths. Actual: input " + inputBins
          + ", canvas " + canvasBins);
    }
    this.inputBins = inputBins;
    this.canvasBins = canvasBins;
  }

  public int canvasBins() {
    return canvasBins;
  }

  /**
   * @param signal (B, C, N) float32
   * @param offsetBins (B,) float64 offsets (canvas index minus input index)
   * @return (B, C, L) float32
   */
  public NDArray shift(NDArray signal, NDArray offsetBins) {
    Shape shape = signal.getShape();
    long b = shape.get(0);
    long c = shape.get(1);
    if (shape.get(2) != inputBins) {
      throw new IllegalArgumentException("Expected " + inputBins + " input bins. Actual: " + shape);
    }
    NDManager m = signal.getManager();
    NDArray pos = m.arange(0, canvasBins, 1, DataType.FLOAT64).reshape(1, canvasBins)
        .sub(offsetBins.toType(DataType.FLOAT64, false).reshape(b, 1));
    NDArray lower = pos.floor().stopGradient();
    // Positions and weights in float64 (exact integer parts); values gathered in float32, so an
    // integer offset (weight exactly 0) copies the input bit for bit.
    NDArray weight = pos.sub(lower).toType(DataType.FLOAT32, false).reshape(b, 1, canvasBins);
    NDArray i0 = lower.clip(-1, inputBins).add(1).toType(DataType.INT64, false);
    NDArray i1 = lower.add(1).clip(-1, inputBins).add(1).toType(DataType.INT64, false);
    Shape indexShape = new Shape(b, c, canvasBins);
    NDArray zeros = m.zeros(new Shape(b, c, 1), DataType.FLOAT32);
    NDArray padded = zeros.concat(signal, 2).concat(zeros, 2);
    NDArray v0 = padded.gather(i0.reshape(b, 1, canvasBins).broadcast(indexShape), 2);
    NDArray v1 = padded.gather(i1.reshape(b, 1, canvasBins).broadcast(indexShape), 2);
    NDArray one = m.ones(new Shape(1), DataType.FLOAT32);
    return v0.mul(one.sub(weight)).add(v1.mul(weight));
  }
}
