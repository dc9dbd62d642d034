package org.leain.load.measure;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What was sent, by spectrum index: its intended send time and the superevents it must be
 * associated with. Written by the sender, read by the posterior watcher (atomic arrays make the
 * sender's writes visible to the reader). Converts intended times to wall-clock milliseconds with
 * one (nanoTime, currentTimeMillis) pair taken at construction.
 */
public final class SendLog {

  private final AtomicLongArray intendedNanos;
  private final AtomicReferenceArray<List<String>> expected;
  private final LongAdder expectedPosteriors = new LongAdder();
  private final long originNanos = System.nanoTime();
  private final long originWallMs = System.currentTimeMillis();

  public SendLog(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("Expected a capacity of at least 1. Actual: " + capacity);
    }
    intendedNanos = new AtomicLongArray(capacity);
    expected = new AtomicReferenceArray<>(capacity);
  }

  public int capacity() {
    return intendedNanos.length();
  }

  /** Notes a spectrum as sent (call before or right after handing it to the producer). */
  public void sent(long index, long intended, List<String> expectedSupereventIds) {
    int i = Math.toIntExact(index);
    intendedNanos.set(i, intended);
    expected.set(i, List.copyOf(expectedSupereventIds));
    expectedPosteriors.add(expectedSupereventIds.size());
  }

  /** True once spectrum {@code index} was noted as sent. */
  public boolean wasSent(long index) {
    return index >= 0 && index < capacity() && expected.get((int) index) != null;
  }

  public long intendedNanos(long index) {
    return intendedNanos.get(Math.toIntExact(index));
  }

  /** The superevents spectrum {@code index} must be associated with; empty if not sent. */
  public List<String> expected(long index) {
    List<String> list = expected.get(Math.toIntExact(index));
    return list == null ? List.of() : list;
  }

  /** The number of posteriors the sent spectra must produce. */
  public long expectedPosteriors() {
    return expectedPosteriors.sum();
  }

  /** An intended time as wall-clock milliseconds since the epoch. */
  public long wallMs(long nanos) {
    return originWallMs + Math.floorDiv(nanos - originNanos, 1_000_000L);
  }
}
