package org.leain.posterior.network;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.leain.posterior.frame.Canonicaliser;
import org.leain.posterior.frame.FrameEstimator;
import org.leain.posterior.head.MixtureHead;

/**
 * LEAIN: equivariant frames, canonical canvases, a CNN per modality, MLP fusion, mixture head.
 * See the package documentation for inputs, outputs and how the frame enters the head.
 */
public final class LeainNetwork extends AbstractBlock {

  private static final double FRAME_FRACTION_FLOOR = 0.002;

  private final NetworkConfig config;
  private final MixtureHead head;
  private final FrameEstimator sedFrame;
  private final FrameEstimator strainFrame;
  private final Canonicaliser sedCanvas;
  private final Canonicaliser strainCanvas;
  private final SequentialBlock sedBackbone;
  private final SequentialBlock strainBackbone;
  private final SequentialBlock fusion;

  public LeainNetwork(NetworkConfig config) {
    this.config = config;
    this.head = new MixtureHead(config.components(), config.dimension());
    double etaMid = 0.5 * (config.etaMin() + config.etaMax());
    this.sedFrame = addChildBlock("sedFrame", new FrameEstimator(config.sedBins(),
        config.sedLnStep(), etaMid, config.frameChannels(), 9));
    this.strainFrame = addChildBlock("strainFrame", new FrameEstimator(config.strainSamples(),
        config.strainLnStep(), config.strainAnchor(), config.frameChannels(), 9));
    this.sedCanvas = new Canonicaliser(config.sedBins(), config.sedCanvasBins());
    this.strainCanvas = new Canonicaliser(config.strainSamples(), config.strainCanvasBins());
    int c = config.channels();
    this.sedBackbone = addChildBlock("sedBackbone",
        Layers.cnn(new int[] {c, 2 * c, 2 * c, 2 * c}, 1, config.features()));
    this.strainBackbone = addChildBlock("strainBackbone",
        Layers.cnn(new int[] {c, 2 * c, 2 * c, 2 * c}, strainStride(config), config.features()));
    this.fusion = addChildBlock("fusion",
        Layers.mlp(new int[] {config.hidden(), config.hidden()}, head.rawSize()));
  }

  static int strainStride(NetworkConfig config) {
    return config.strainCanvasBins() > 1024 ? 4 : 2;
  }

  public MixtureHead head() {
    return head;
  }

  /**
   * The frames and canonical canvases: [eta_hat (B,) f64, sed canvas (B,3,L), lnM_hat (B,) f64,
   * strain canvas (B,C+1,L')]. Exposed so tests can check equivariance on the real network.
   */
  public NDList canonicalise(ParameterStore store, NDList inputs, boolean training) {
    NDList sed = sedFrameAndCanvas(store, inputs.get(0), training);
    NDList strain = strainFrameAndCanvas(store, inputs.get(2), training);
    return new NDList(sed.get(0), sed.get(1), strain.get(0), strain.get(1));
  }

  /** [eta_hat (B,) f64, sed canvas (B,3,L)]. */
  private NDList sedFrameAndCanvas(ParameterStore store, NDArray sed, boolean training) {
    NDArray eta = sedFrame.forward(store, new NDList(sed.get(":, 0:1, :")), training).head();
    NDArray canvas = sedCanvas.shift(sed, offsetBins(eta, config.etaMin(), config.etaMax(),
        config.sedLnStep(), config.sedCanvasReference()));
    return new NDList(eta, canvas);
  }

  /** [lnM_hat (B,) f64, strain canvas (B,C+1,L')]. */
  private NDList strainFrameAndCanvas(ParameterStore store, NDArray strain, boolean training) {
    NDArray lnMass = strainFrame.forward(store,
        new NDList(strain.get(":, 0:" + config.strainChannels() + ", :")), training).head();
    NDArray canvas = strainCanvas.shift(strain, offsetBins(lnMass, config.lnMassMin(),
        config.lnMassMax(), config.strainLnStep(), config.strainCanvasReference()));
    return new NDList(lnMass, canvas);
  }

  /** Canvas offset (reference - frame) / step, with the frame clipped to the prior +- margin. */
  private NDArray offsetBins(NDArray frame, double min, double max, double step, double reference) {
    double margin = config.frameMarginBins() * step;
    return frame.clip(min - margin, max + margin).mul(-1).add(reference).div(step);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray sed = inputs.get(0);
    NDArray sedScalars = inputs.get(1);
    NDArray present = inputs.get(3);
    long b = sedScalars.getShape().get(0);
    NDList sedCanon = sedFrameAndCanvas(store, sed, training);
    NDArray eta = sedCanon.get(0);
    NDArray sedFeatures = sedBackbone.forward(store, new NDList(sedCanon.get(1)), training).head();
    NDArray strainFeatures;
    NDArray massFeature;
    NDArray lnMassPresent;
    if (StrainPresence.anyInBatch(present, training)) {
      NDList strainCanon = strainFrameAndCanvas(store, inputs.get(2), training);
      NDArray lnMass = strainCanon.get(0);
      strainFeatures = strainBackbone.forward(store, new NDList(strainCanon.get(1)), training)
          .head().mul(present);
      double massWidth = config.lnMassMax() - config.lnMassMin();
      massFeature = lnMass.sub(config.lnMassMin()).div(massWidth)
          .toType(DataType.FLOAT32, false).reshape(b, 1).mul(present);
      lnMassPresent = lnMass.reshape(b, 1).mul(present.toType(DataType.FLOAT64, false));
    } else {
      // Every strain term below is multiplied by strainPresent = 0: skipping them is exact.
      NDManager m = sed.getManager();
      strainFeatures = m.zeros(new Shape(b, config.features()), DataType.FLOAT32);
      massFeature = m.zeros(new Shape(b, 1), DataType.FLOAT32);
      lnMassPresent = m.zeros(new Shape(b, 1), DataType.FLOAT64);
    }
    double etaWidth = config.etaMax() - config.etaMin();
    NDArray etaFeature = eta.sub(config.etaMin()).div(etaWidth).toType(DataType.FLOAT32, false)
        .reshape(b, 1);
    NDArray joined = NDArrays.concat(new NDList(sedFeatures, strainFeatures, present, sedScalars,
        etaFeature, massFeature), 1);
    NDArray raw = fusion.forward(store, new NDList(joined), training).head();
    NDList mixture = head.mixture(raw, redshiftOffset(eta, b));
    NDArray frames = NDArrays.concat(new NDList(eta.reshape(b, 1), lnMassPresent), 1)
        .toType(DataType.FLOAT32, false);
    mixture.add(frames);
    return mixture;
  }

  /** (B, D) offset: u_z(eta_hat) on the redshift coordinate, zero elsewhere. */
  private NDArray redshiftOffset(NDArray eta, long b) {
    double width = config.etaMax() - config.etaMin();
    NDArray s = eta.sub(config.etaMin()).div(width)
        .clip(FRAME_FRACTION_FLOOR, 1 - FRAME_FRACTION_FLOOR);
    NDArray u = s.log().sub(s.mul(-1).add(1).log()).toType(DataType.FLOAT32, false).reshape(b, 1);
    NDManager m = eta.getManager();
    float[] hot = new float[config.dimension()];
    hot[config.redshiftIndex()] = 1f;
    return u.mul(m.create(hot, new Shape(1, config.dimension())));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    long b = inputShapes[0].get(0);
    int k = config.components();
    int d = config.dimension();
    return new Shape[] {new Shape(b, k), new Shape(b, k, d), new Shape(b, k, d, d), new Shape(b, 2)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long b = inputShapes[0].get(0);
    sedFrame.initialize(manager, dataType, new Shape(b, 1, config.sedBins()));
    strainFrame.initialize(manager, dataType,
        new Shape(b, config.strainChannels(), config.strainSamples()));
    sedBackbone.initialize(manager, dataType, new Shape(b, 3, config.sedCanvasBins()));
    strainBackbone.initialize(manager, dataType,
        new Shape(b, config.strainChannels() + 1, config.strainCanvasBins()));
    fusion.initialize(manager, dataType, new Shape(b, 2L * config.features() + 4));
  }
}
