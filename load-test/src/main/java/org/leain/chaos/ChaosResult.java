package org.leain.chaos;

import java.util.List;

/**
 * What a crash test found. {@code lost} and {@code duplicated} must be 0.
 *
 * @param expected distinct output keys the feed must produce
 * @param received records read (read_committed) whose key was expected, tombstones excluded
 * @param lost expected keys never received
 * @param duplicated records beyond the first for an expected key
 * @param unexpected records whose key was not expected
 * @param kills SIGKILLs done
 * @param brokerRestarts broker restarts done
 * @param recoveryMs per kill, milliseconds from the kill to the next committed output record
 *     (null when no record followed)
 * @param feedResent feed records the broker did not acknowledge the first time and that were sent
 *     again (duplicate inputs the app must absorb)
 * @param feedUndelivered feed records never acknowledged by the end: the run cannot judge those keys
 * @param wallTimeMs the whole run
 */
public record ChaosResult(long expected, long received, long lost, long duplicated, long unexpected, int kills,
    int brokerRestarts, List<Long> recoveryMs, long feedResent, long feedUndelivered, long wallTimeMs) {

  /** Nothing lost, nothing duplicated, and every input was delivered (else the run proves nothing). */
  public boolean exactlyOnce() {
    return lost == 0 && duplicated == 0 && feedUndelivered == 0;
  }
}
