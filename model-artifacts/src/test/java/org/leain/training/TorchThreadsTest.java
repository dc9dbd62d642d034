package org.leain.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TorchThreadsTest {

  @Test
  void aThreadCountTheJvmWasGiven_isKept() {
    String intra = System.getProperty("ai.djl.pytorch.num_threads");
    String inter = System.getProperty("ai.djl.pytorch.num_interop_threads");
    try {
      System.setProperty("ai.djl.pytorch.num_threads", "3");
      TorchThreads.useUnlessSet(1);
      assertEquals("3", System.getProperty("ai.djl.pytorch.num_threads"));
    } finally {
      restore("ai.djl.pytorch.num_threads", intra);
      restore("ai.djl.pytorch.num_interop_threads", inter);
    }
  }

  @Test
  void fewerThanOneThread_isRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TorchThreads.useUnlessSet(0));
    assertEquals("Expected at least 1 intra-op thread. Actual: 0", e.getMessage());
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
