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
import org.leain.posterior.head.MixtureHead;

/**
 * The proposal's non-equivariant baseline: an MLP on the observed-frame SED, a 1D CNN on the
 * observed-frame strain, concatenation, the same fusion and mixture head as LEAIN.
 */
public final class BaselineNetwork extends AbstractBlock {

  private final NetworkConfig config;
  private final MixtureHead head;
  private final SequentialBlock sedMlp;
  private final SequentialBlock strainBackbone;
  private final SequentialBlock fusion;

  public BaselineNetwork(NetworkConfig config) {
    this.config = config;
    this.head = new MixtureHead(config.components(), config.dimension());
    this.sedMlp = addChildBlock("sedMlp",
        Layers.mlp(new int[] {config.features()}, config.features()));
    int c = config.channels();
    this.strainBackbone = addChildBlock("strainBackbone",
        Layers.cnn(new int[] {c, 2 * c, 2 * c, 2 * c}, config.strainSamples() > 1024 ? 4 : 2,
            config.features()));
    this.fusion = addChildBlock("fusion",
        Layers.mlp(new int[] {config.hidden(), config.hidden()}, head.rawSize()));
  }

  public MixtureHead head() {
    return head;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray sed = inputs.get(0);
    NDArray sedScalars = inputs.get(1);
    NDArray strain = inputs.get(2);
    NDArray present = inputs.get(3);
    long b = sed.getShape().get(0);
    NDArray sedFlat = sed.reshape(b, 3L * config.sedBins()).concat(sedScalars, 1);
    NDArray sedFeatures = ai.djl.nn.Activation.relu(
        sedMlp.forward(store, new NDList(sedFlat), training).head());
    NDArray strainFeatures = StrainPresence.anyInBatch(present, training)
        ? strainBackbone.forward(store, new NDList(strain), training).head().mul(present)
        // Multiplied by strainPresent = 0 in every row: skipping the CNN is exact.
        : sed.getManager().zeros(new Shape(b, config.features()), DataType.FLOAT32);
    NDArray joined = NDArrays.concat(new NDList(sedFeatures, strainFeatures, present, sedScalars), 1);
    NDArray raw = fusion.forward(store, new NDList(joined), training).head();
    NDList mixture = head.mixture(raw, null);
    mixture.add(sed.getManager().zeros(new Shape(b, 2), DataType.FLOAT32));
    return mixture;
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
    sedMlp.initialize(manager, dataType, new Shape(b, 3L * config.sedBins() + 1));
    strainBackbone.initialize(manager, dataType,
        new Shape(b, config.strainChannels() + 1, config.strainSamples()));
    fusion.initialize(manager, dataType, new Shape(b, config.features() * 2L + 2));
  }
}
