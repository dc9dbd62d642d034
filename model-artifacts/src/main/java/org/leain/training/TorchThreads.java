package org.leain.training;

/**
 * PyTorch's thread pools for a command's JVM. DJL reads the two system properties once, when the
 * engine first loads, so a command sets them before touching a model; an explicit
 * {@code -Dai.djl.pytorch.num_threads} on the command line wins. One inter-op thread always: the
 * commands run one graph at a time, and extra pools only oversubscribe a 2-core machine (a second
 * intra-op thread made batch-1 inference 7x slower under load, {@code posterior/RESULTS.md}).
 */
public final class TorchThreads {

  private TorchThreads() {}

  /** Sets {@code intraOpThreads} (and one inter-op thread) unless the JVM was given a value. */
  public static void useUnlessSet(int intraOpThreads) {
    if (intraOpThreads < 1) {
      throw new IllegalArgumentException("Expected at least 1 intra-op thread. Actual: " + intraOpThreads);
    }
    if (System.getProperty("ai.djl.pytorch.num_threads") == null) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOpThreads));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }
}
