package org.leain.posterior;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.leain.posterior.head.MixtureHead;
import org.leain.posterior.head.ParameterBox;
import org.leain.posterior.network.NetworkConfig;
import org.leain.posterior.network.Networks;

/**
 * A loaded model: the manifest, the rebuilt DJL block with its weights, the prior box.
 *
 * <p>Thread-safe once loaded: share one instance; give every inference thread its own
 * {@link PosteriorEstimator} from {@link #newEstimator()}. Close it after all its estimators.
 */
public final class PosteriorModel implements AutoCloseable {

  private final Path directory;
  private final ModelManifest manifest;
  private final Model model;
  private final ParameterBox box;
  private final MixtureHead head;

  private PosteriorModel(Path directory, ModelManifest manifest, Model model) {
    this.directory = directory;
    this.manifest = manifest;
    this.model = model;
    this.box = manifest.box();
    this.head = new MixtureHead(manifest.network().components(), manifest.network().dimension());
  }

  /**
   * Loads {@code directory}/manifest.json and its weights; fails if the weights' sha256 differs from
   * the manifest's.
   */
  public static PosteriorModel load(Path directory) throws IOException {
    ModelManifest manifest = ModelManifest.read(directory.resolve(ModelManifest.FILE));
    Path weights = directory.resolve(manifest.weightsFile());
    String sha = sha256(weights);
    if (!sha.equals(manifest.weightsSha256())) {
      throw new IOException("Expected weights sha256 " + manifest.weightsSha256() + " for " + weights
          + ". Actual: " + sha);
    }
    NetworkConfig config = manifest.network();
    Model model = Model.newInstance(manifest.name());
    try {
      Block block = Networks.build(config);
      block.initialize(model.getNDManager(), DataType.FLOAT32, inputShapes(config, 1));
      try (InputStream in = new BufferedInputStream(Files.newInputStream(weights))) {
        block.loadParameters(model.getNDManager(), new DataInputStream(in));
      }
      model.setBlock(block);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e instanceof IOException io ? io : new IOException("Cannot load " + weights, e);
    } catch (ai.djl.MalformedModelException e) {
      model.close();
      throw new IOException("Expected weights matching the manifest's architecture. Actual: " + e.getMessage(), e);
    }
    return new PosteriorModel(directory, manifest, model);
  }

  /** Input shapes of a batch of b examples. */
  public static Shape[] inputShapes(NetworkConfig config, long b) {
    return new Shape[] {new Shape(b, 3, config.sedBins()), new Shape(b, 1),
        new Shape(b, config.strainChannels() + 1, config.strainSamples()), new Shape(b, 1)};
  }

  /** Hex sha256 of a file. */
  public static String sha256(Path file) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  public Path directory() {
    return directory;
  }

  public ModelManifest manifest() {
    return manifest;
  }

  public ParameterBox box() {
    return box;
  }

  MixtureHead head() {
    return head;
  }

  Model djlModel() {
    return model;
  }

  /** A new thread-confined estimator (it owns a DJL Predictor). */
  public PosteriorEstimator newEstimator() {
    return new PosteriorEstimator(this);
  }

  @Override
  public void close() {
    model.close();
  }
}
