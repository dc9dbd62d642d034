/**
 * A constant-rate, open-loop request schedule, and why latency is measured from the intended send
 * time.
 *
 * <p>A closed-loop generator sends the next request only when it is able to (the previous send
 * returned, a buffer had room). When the system under test stalls, such a generator stalls with
 * it: it simply does not send the requests that would have queued up behind the stall, so they are
 * never measured. One slow response is recorded where, in reality, every request that should have
 * been sent during the stall would also have waited. This is <em>coordinated omission</em> (Gil
 * Tene's term, and the reason HdrHistogram offers {@code recordValueWithExpectedInterval}): the
 * load generator coordinates with the system and omits exactly the bad samples, and the
 * percentiles come out far too good.
 *
 * <p>Here the schedule is fixed in advance: request {@code i} is intended to be sent at
 * {@code start + i * period}, whatever happened before. The sender waits for that instant when it
 * is early and sends at once when it is late, and every latency is measured from the
 * <em>intended</em> time, never from the moment the send actually happened. A send that stalls
 * for 50 ms with a 1 ms period therefore charges ~50, 49, 48, ... ms to the requests behind it
 * ({@code OpenLoopDriverTest} shows this with a fake clock), which is what their users would have
 * experienced. The achieved rate is reported beside the target so that a generator that could not
 * keep up is visible.
 */
package org.leain.load.schedule;
