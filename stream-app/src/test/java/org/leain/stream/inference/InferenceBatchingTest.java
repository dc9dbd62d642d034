package org.leain.stream.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leain.contracts.AlertType;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.PosteriorTimings;
import org.leain.contracts.Spectrum;
import org.leain.stream.metrics.Stage;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;
import org.leain.stream.testing.TestOnlyEngine;

/** Micro-batched inference through the real topology: same output as unbatched, flushed by size and clock. */
class InferenceBatchingTest {
  private static final MultiOrderSkymap NORTH = Fixtures.gaussianMap(150, 20, 2, 6);
  private static final long T0 = 1_800_000_000_000L;

  private final List<StreamDriver> drivers = new ArrayList<>();

  private StreamDriver start(int maxRecords, String maxWait) {
    Map<String, String> settings = new HashMap<>();
    settings.put("inference.batch.max.records", Integer.toString(maxRecords));
    settings.put("inference.batch.max.wait", maxWait);
    StreamDriver stream = new StreamDriver(settings, (bytes, topic) -> {
      throw new UnsupportedOperationException("no alerts in this test");
    }, TestOnlyEngine::new);
    drivers.add(stream);
    return stream;
  }

  @AfterEach
  void close() {
    drivers.forEach(StreamDriver::close);
  }

  /** Spectra inside the region, each with its own redshift so the test engine's posteriors differ. */
  private static void spectraInside(StreamDriver stream, List<String> ids) {
    for (int i = 0; i < ids.size(); i++) {
      Spectrum s = Fixtures.spectrum(ids.get(i), 150.1 + 0.05 * i, 20.0 + 0.03 * i);
      s.setRedshiftSpec(4.0 + i);
      stream.spectrum(s, T0 + i);
    }
  }

  private static void candidate(StreamDriver stream) {
    stream.candidate(Fixtures.candidate("MS1", AlertType.PRELIMINARY, 1, T0, NORTH), T0 + 100);
  }

  private static DcbhPosterior withoutTimings(DcbhPosterior p) {
    DcbhPosterior copy = DcbhPosterior.newBuilder(p).build();
    copy.setTimings(new PosteriorTimings(0L, 0L, 0L, 0L, 0L, 0L));
    return copy;
  }

  @Test
  void batchedAndUnbatched_emitTheSamePosteriorRecords() {
    List<String> ids = List.of("A", "B", "C", "D", "E");
    StreamDriver unbatched = start(1, "50ms");
    spectraInside(unbatched, ids);
    candidate(unbatched);
    StreamDriver batched = start(3, "50ms");
    spectraInside(batched, ids);
    candidate(batched);
    batched.driver.advanceWallClockTime(Duration.ofMillis(50));

    List<TestRecord<String, DcbhPosterior>> expected = StreamDriver.records(unbatched.posteriors);
    List<TestRecord<String, DcbhPosterior>> actual = StreamDriver.records(batched.posteriors);
    assertEquals(5, expected.size());
    assertEquals(expected.size(), actual.size());
    Map<String, TestRecord<String, DcbhPosterior>> byKey = new HashMap<>();
    actual.forEach(r -> byKey.put(r.key(), r));
    for (TestRecord<String, DcbhPosterior> e : expected) {
      TestRecord<String, DcbhPosterior> a = byKey.get(e.key());
      assertNotNull(a, e.key());
      assertEquals(e.timestamp(), a.timestamp(), e.key());
      assertEquals(e.headers(), a.headers(), e.key());
      assertEquals(withoutTimings(e.value()), withoutTimings(a.value()), e.key());
    }
    assertEquals(List.of(), batched.dlq.readValuesToList());
  }

  @Test
  void aFullBuffer_isFlushedWithoutWaitingForTheClock() {
    StreamDriver stream = start(3, "1h");
    spectraInside(stream, List.of("A", "B"));
    candidate(stream);
    assertEquals(0, stream.posteriors.getQueueSize(), "two of three buffered");
    Spectrum third = Fixtures.spectrum("C", 150.2, 20.1);
    stream.spectrum(third, T0 + 200);
    assertEquals(3, StreamDriver.latest(stream.posteriors).size());
  }

  @Test
  void aPartlyFilledBuffer_isFlushedByTheWallClockPunctuation() throws InterruptedException {
    StreamDriver stream = start(10, "200ms");
    spectraInside(stream, List.of("A", "B"));
    candidate(stream);
    // Stage timestamps are real time (the driver's clock is simulated): let real time pass while buffered.
    Thread.sleep(250);
    stream.driver.advanceWallClockTime(Duration.ofMillis(100));
    assertEquals(0, stream.posteriors.getQueueSize(), "before max wait");
    stream.driver.advanceWallClockTime(Duration.ofMillis(100));
    Map<String, DcbhPosterior> posteriors = StreamDriver.latest(stream.posteriors);
    assertEquals(List.of("MS1|A", "MS1|B"), List.copyOf(posteriors.keySet()));
    PosteriorTimings t = posteriors.get("MS1|A").getTimings();
    assertTrue(t.getInferenceStartMs() - t.getJoinedMs() >= 250,
        "the time buffered is part of join->inference: " + (t.getInferenceStartMs() - t.getJoinedMs()));
    assertTrue(stream.metrics.histogram(Stage.JOIN_TO_INFERENCE).getMaxValue() >= 250);
  }

  @Test
  void aModelFailureInsideABatch_deadLettersThatRecordOnly() {
    StreamDriver stream = start(3, "1h");
    spectraInside(stream, List.of("A", "POISON-1", "C"));
    candidate(stream);
    assertEquals(List.of("MS1|A", "MS1|C"), List.copyOf(StreamDriver.latest(stream.posteriors).keySet()));
    List<DeadLetter> letters = stream.dlq.readValuesToList();
    assertEquals(1, letters.size());
    DeadLetter letter = letters.get(0);
    assertEquals(DeadLetterReason.MODEL_FAILURE, letter.getReasonCode());
    assertTrue(letter.getReason().contains("MS1|POISON-1"), letter.getReason());
    assertTrue(letter.getOriginTopic().endsWith("-repartition"), letter.getOriginTopic());
    assertTrue(letter.getOriginOffset() >= 0);
    assertEquals("MS1|POISON-1", letter.getOriginKey());
  }

  @Test
  void aWithdrawal_flushesTheBuffer_soItsTombstoneFollowsThePosterior() {
    StreamDriver stream = start(10, "1h");
    spectraInside(stream, List.of("A"));
    candidate(stream);
    assertEquals(0, stream.posteriors.getQueueSize());
    stream.candidate(Fixtures.candidate("MS1", AlertType.RETRACTION, 2, T0 + 10, null), T0 + 300);
    List<TestRecord<String, DcbhPosterior>> out = StreamDriver.records(stream.posteriors);
    assertEquals(2, out.size());
    assertNotNull(out.get(0).value());
    assertNull(out.get(1).value());
    assertEquals("MS1|A", out.get(1).key());
  }

  @Test
  void theBuffer_isWrittenToItsNamedChangelog() {
    StreamDriver stream = start(10, "1h");
    spectraInside(stream, List.of("A"));
    candidate(stream);
    assertTrue(stream.driver.producedTopicNames().contains("leain-stream-leain-inference-buffer-changelog"),
        stream.driver.producedTopicNames().toString());
    assertEquals(1, countEntries(stream));
    stream.driver.advanceWallClockTime(Duration.ofHours(1));
    assertEquals(0, countEntries(stream), "flushed entries are deleted");
  }

  private static int countEntries(StreamDriver stream) {
    int n = 0;
    try (var it = stream.driver.<String, Object>getKeyValueStore(InferenceTopology.BUFFER_STORE).all()) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }
}
