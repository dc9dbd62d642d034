import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.util.Utils;

/**
 * Run once while the container image is built: loading the PyTorch engine makes DJL unpack libtorch
 * and its JNI library from the native jars on the class path into ENGINE_CACHE_DIR, so a pod finds
 * them there, starts offline and never writes to the (read-only) image. Fails the image build when
 * the engine cannot compute 1 + 1.
 */
public final class WarmDjlCache {
  private WarmDjlCache() {}

  public static void main(String[] args) {
    Engine engine = Engine.getEngine("PyTorch");
    try (NDManager manager = NDManager.newBaseManager()) {
      float two = manager.ones(new Shape(2)).sum().getFloat();
      if (two != 2f) {
        throw new IllegalStateException("Expected 1 + 1 = 2 from PyTorch. Actual: " + two);
      }
    }
    System.out.println("PyTorch " + engine.getVersion() + " unpacked into " + Utils.getEngineCacheDir()
        + " (GPUs visible now: " + engine.getGpuCount() + ")");
  }
}
