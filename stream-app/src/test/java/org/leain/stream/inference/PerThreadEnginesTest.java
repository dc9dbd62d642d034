package org.leain.stream.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.leain.stream.testing.TestOnlyEngine;

/** One engine per stream thread: shared by that thread's tasks, closed with the last of them. */
class PerThreadEnginesTest {

  @Test
  void tasksOfOneThreadShareAnEngine_otherThreadsGetTheirOwn_andTheLastReleaseClosesIt() throws Exception {
    List<TestOnlyEngine> created = new ArrayList<>();
    PerThreadEngines engines = new PerThreadEngines(() -> {
      TestOnlyEngine engine = new TestOnlyEngine();
      synchronized (created) {
        created.add(engine);
      }
      return engine;
    });
    int openBefore = TestOnlyEngine.OPEN.get();
    InferenceEngine taskA = engines.acquire();
    InferenceEngine taskB = engines.acquire();
    assertSame(taskA, taskB);
    AtomicReference<InferenceEngine> otherThread = new AtomicReference<>();
    Thread thread = new Thread(() -> {
      otherThread.set(engines.acquire());
      engines.release(otherThread.get());
    });
    thread.start();
    thread.join();
    assertNotSame(taskA, otherThread.get());
    assertEquals(2, created.size());
    assertEquals(1, engines.open());

    engines.release(taskA);
    assertEquals(1, engines.open(), "task B still holds it");
    engines.release(taskB);
    assertEquals(0, engines.open());
    assertEquals(openBefore, TestOnlyEngine.OPEN.get(), "every engine closed");
  }
}
