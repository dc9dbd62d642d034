package org.leain.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam whose state (first and second moments and the step count of every parameter) can be saved
 * with a checkpoint and restored on resume. DJL's own {@code Adam} keeps that state private, so a
 * resumed run restarted the moments from zero: the first steps after a resume were sign-like
 * steps of the full learning rate. The update itself is DJL's fused Adam kernel with the same
 * arguments as {@code ai.djl.training.optimizer.Adam} (beta1 0.9, beta2 0.999, epsilon 1e-8, no
 * weight decay, bias correction folded into the learning rate).
 *
 * <p>The state is saved by parameter name (the block's parameter order), because DJL parameter ids
 * are fresh for every block built. Single device only. Not thread-safe.
 */
final class ResumableAdam extends Optimizer {

  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPSILON = 1e-8f;
  private static final int FORMAT = 1;

  private final Map<String, NDArray> means = new HashMap<>();
  private final Map<String, NDArray> variances = new HashMap<>();
  private final Map<String, Integer> steps = new HashMap<>();
  private float learningRate;

  /** The builder DJL's optimizer base class needs for gradient clipping and rescaling. */
  static final class Builder extends OptimizerBuilder<Builder> {
    @Override
    protected Builder self() {
      return this;
    }
  }

  ResumableAdam(float learningRate, float clipGrad) {
    super(new Builder().optClipGrad(clipGrad));
    this.learningRate = learningRate;
  }

  void setLearningRate(float learningRate) {
    this.learningRate = learningRate;
  }

  float learningRate() {
    return learningRate;
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    int t = steps.merge(parameterId, 1, Integer::sum);
    double correction1 = 1.0 - Math.pow(BETA1, t);
    double correction2 = 1.0 - Math.pow(BETA2, t);
    float corrected = (float) (learningRate * Math.sqrt(correction2) / correction1);
    NDArray mean = means.computeIfAbsent(parameterId, id -> weight.zerosLike());
    NDArray variance = variances.computeIfAbsent(parameterId, id -> weight.zerosLike());
    weight.getNDArrayInternal().adamUpdate(new NDList(weight, grad, mean, variance), new NDList(weight),
        learningRate, corrected, getWeightDecay(), rescaleGrad, clipGrad, BETA1, BETA2, EPSILON, true, false);
  }

  /** Writes the moments and step counts of the block's parameters (atomically). */
  void save(Block block, Path file) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
      out.writeInt(FORMAT);
      int count = 0;
      for (Pair<String, Parameter> p : block.getParameters()) {
        if (steps.containsKey(p.getValue().getId())) {
          count++;
        }
      }
      out.writeInt(count);
      for (Pair<String, Parameter> p : block.getParameters()) {
        String id = p.getValue().getId();
        if (!steps.containsKey(id)) {
          continue;
        }
        out.writeUTF(p.getKey());
        out.writeInt(steps.get(id));
        writeArray(out, means.get(id).encode());
        writeArray(out, variances.get(id).encode());
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Restores the state saved by {@link #save} onto the block's (new) parameters, by name. */
  void load(Block block, NDManager manager, Path file) throws IOException {
    Map<String, Parameter> byName = new HashMap<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      byName.put(p.getKey(), p.getValue());
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int format = in.readInt();
      if (format != FORMAT) {
        throw new IOException("Expected optimizer state format " + FORMAT + ". Actual: " + format);
      }
      int count = in.readInt();
      for (int i = 0; i < count; i++) {
        String name = in.readUTF();
        int t = in.readInt();
        NDArray mean = NDArray.decode(manager, readArray(in));
        NDArray variance = NDArray.decode(manager, readArray(in));
        Parameter parameter = byName.get(name);
        if (parameter == null || !parameter.getArray().getShape().equals(mean.getShape())) {
          throw new IOException("Expected optimizer state for the block's parameter " + name + ". Actual: "
              + (parameter == null ? "no such parameter" : "shape " + mean.getShape()));
        }
        steps.put(parameter.getId(), t);
        means.put(parameter.getId(), mean);
        variances.put(parameter.getId(), variance);
      }
    }
  }

  private static void writeArray(DataOutputStream out, byte[] bytes) throws IOException {
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static byte[] readArray(DataInputStream in) throws IOException {
    byte[] bytes = new byte[in.readInt()];
    in.readFully(bytes);
    return bytes;
  }
}
