package org.leain.load.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenLoopDriverTest {

  private static final long MS = 1_000_000L;

  /** A clock that only moves when told: sleeping jumps to the deadline, sends may take fake time. */
  private static final class FakeClock implements Clock {
    long now;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleepUntil(long deadlineNanos) {
      now = Math.max(now, deadlineNanos);
    }
  }

  @Test
  void stalledSend_isChargedToEveryRequestQueuedBehindIt() throws Exception {
    FakeClock clock = new FakeClock();
    OpenLoopSchedule schedule = new OpenLoopSchedule(0, 1000.0, 20); // one request per ms
    List<Long> lags = new ArrayList<>();
    List<Long> sendTimes = new ArrayList<>();
    new OpenLoopDriver(clock).run(schedule, (index, intended) -> {
      sendTimes.add(clock.now);
      if (index == 3) {
        clock.now += 50 * MS; // request 3 stalls for 50 ms
      }
    }, (index, intended, lag) -> lags.add(lag), () -> false);

    long[] expected = new long[20];
    for (int i = 0; i < 20; i++) {
      // Request i is intended at i ms; everything from 3 on completes no earlier than 53 ms.
      expected[i] = i < 3 ? 0 : 53 * MS - i * MS;
    }
    assertArrayEquals(expected, lags.stream().mapToLong(Long::longValue).toArray());
    // The requests behind the stall were sent late, back to back, not skipped.
    assertEquals(53 * MS, sendTimes.get(4));
    assertEquals(53 * MS, sendTimes.get(19));
  }

  @Test
  void onTimeSends_haveNoLag_andAreSentAtTheirIntendedTimes() throws Exception {
    FakeClock clock = new FakeClock();
    OpenLoopSchedule schedule = new OpenLoopSchedule(5 * MS, 200.0, 10);
    List<Long> sendTimes = new ArrayList<>();
    List<Long> lags = new ArrayList<>();
    OpenLoopDriver.Result result = new OpenLoopDriver(clock).run(schedule,
        (index, intended) -> sendTimes.add(clock.now), (index, intended, lag) -> lags.add(lag), () -> false);
    for (int i = 0; i < 10; i++) {
      assertEquals(5 * MS + i * 5 * MS, sendTimes.get(i));
      assertEquals(0L, lags.get(i));
    }
    assertEquals(10, result.sent());
    assertFalse(result.stoppedEarly());
    assertEquals(200.0, result.achievedRatePerSecond(1 / 200.0), 1e-9);
  }

  @Test
  void failingSend_isCounted_andDoesNotStopTheSchedule() throws Exception {
    OpenLoopDriver.Result result = new OpenLoopDriver(new FakeClock()).run(new OpenLoopSchedule(0, 100.0, 10),
        (index, intended) -> {
          if (index % 2 == 0) {
            throw new IllegalStateException("broker said no");
          }
        }, (index, intended, lag) -> { }, () -> false);
    assertEquals(5, result.sent());
    assertEquals(5, result.failed());
  }

  @ParameterizedTest
  @CsvSource({"1000, 1, 1000", "3000, 2, 6000", "0.5, 10, 5", "7, 0.01, 1"})
  void schedule_sendsRoundRateTimesDuration_atExactMultiplesOfThePeriod(double rate, double seconds, long count) {
    OpenLoopSchedule schedule = OpenLoopSchedule.of(100, rate, seconds);
    assertEquals(count, schedule.count());
    assertEquals(100 + Math.round((count - 1) * 1e9 / rate), schedule.intendedNanos(count - 1));
  }
}
