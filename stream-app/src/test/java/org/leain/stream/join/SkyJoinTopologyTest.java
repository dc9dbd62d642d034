package org.leain.stream.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.leain.contracts.AlertType;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.Spectrum;
import org.leain.stream.metrics.Counter;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;
import org.leain.stream.testing.TestOnlyEngine;

/** The sky join through the real topology (TopologyTestDriver), candidates fed as the simulated feed writes them. */
class SkyJoinTopologyTest {
  private static final MultiOrderSkymap NORTH = Fixtures.gaussianMap(150, 20, 2, 6);
  private static final MultiOrderSkymap SOUTH = Fixtures.gaussianMap(200, -10, 2, 6);
  private static final long T0 = 1_800_000_000_000L;

  private StreamDriver stream;

  private StreamDriver start(Map<String, String> settings) {
    stream = new StreamDriver(settings, (bytes, topic) -> {
      throw new UnsupportedOperationException("no alerts in this test");
    }, TestOnlyEngine::new);
    return stream;
  }

  @AfterEach
  void close() {
    if (stream != null) {
      stream.close();
    }
  }

  private static GwCandidate candidate(String id, AlertType type, int version, MultiOrderSkymap map) {
    return Fixtures.candidate(id, type, version, T0 + version, map);
  }

  @Test
  void spectrumFirst_thenCandidate_givesOneAssociationAndOnePosterior() {
    start(Map.of());
    stream.spectrum(Fixtures.spectrum("JW-1", 150.3, 20.2), T0);
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0 + 1000);
    Map<String, Association> associations = StreamDriver.latest(stream.associations);
    Map<String, DcbhPosterior> posteriors = StreamDriver.latest(stream.posteriors);
    assertEquals(List.of("MS1|JW-1"), List.copyOf(associations.keySet()));
    Association a = associations.get("MS1|JW-1");
    assertTrue(a.getAccepted());
    assertEquals(1, a.getAlertVersion());
    assertTrue(a.getSearchedProb() < 0.1, "near the centre of the blob: " + a.getSearchedProb());
    assertEquals(6, a.getJoinOrder());
    assertEquals(T0, a.getTimings().getIngestSpectrumMs());
    assertEquals(T0 + 1000, a.getTimings().getIngestGwMs());
    assertEquals(List.of("MS1|JW-1"), List.copyOf(posteriors.keySet()));
    DcbhPosterior p = posteriors.get("MS1|JW-1");
    assertTrue(p.getTimings().getInferenceEndMs() >= p.getTimings().getInferenceStartMs());
    assertEquals(T0, p.getTimings().getIngestSpectrumMs());
  }

  @Test
  void candidateFirst_thenSpectrum_givesTheSameAssociation() {
    start(Map.of());
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0);
    stream.spectrum(Fixtures.spectrum("JW-1", 150.3, 20.2), T0 + 5000);
    Map<String, Association> associations = StreamDriver.latest(stream.associations);
    assertEquals(List.of("MS1|JW-1"), List.copyOf(associations.keySet()));
    assertEquals(1, StreamDriver.latest(stream.posteriors).size());
  }

  @Test
  void spectrumOutsideTheRegion_isNotAssociated() {
    start(Map.of());
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0);
    stream.spectrum(Fixtures.spectrum("FAR", 150, 40), T0 + 1);
    assertTrue(stream.associations.isEmpty());
    assertTrue(stream.posteriors.isEmpty());
    assertEquals(0, stream.metrics.count(Counter.PAIRS), "not even in a join cell of the region");
  }

  @Test
  void spectrumInACoveringCell_butOutsideAtFullResolution_isRejectedByTheExactDecision() {
    start(Map.of("join.order", "3")); // 7.3 deg cells: the region's edge cells reach well beyond it
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0);
    // Just outside the 90% disc (radius 2.146 sigma; this is 2.3 sigma away: searched_prob 0.93).
    stream.spectrum(Fixtures.spectrum("EDGE", 150, 24.6), T0 + 2);
    assertTrue(stream.associations.isEmpty());
    assertEquals(1, stream.metrics.count(Counter.PAIRS));
    assertEquals(1, stream.metrics.count(Counter.REJECTIONS));
  }

  @Test
  void timeWindow_whenConfigured_rejectsSpectraObservedOutsideIt() {
    start(Map.of("join.time.window", "2d"));
    long event = java.time.Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0);
    Spectrum late = Fixtures.spectrum("LATE", 150, 20);
    late.setObservationTimeMs(event + 3 * 86_400_000L);
    Spectrum early = Fixtures.spectrum("BEFORE", 150, 20);
    early.setObservationTimeMs(event - 3_600_000L);
    Spectrum prompt = Fixtures.spectrum("PROMPT", 150, 20);
    prompt.setObservationTimeMs(event + 86_400_000L);
    stream.spectrum(late, T0 + 1);
    stream.spectrum(early, T0 + 2);
    stream.spectrum(prompt, T0 + 3);
    assertEquals(List.of("MS1|PROMPT"), List.copyOf(StreamDriver.latest(stream.associations).keySet()));
  }

  @Test
  void hostSpectrumYearsLater_isAssociated_whenNoTimeWindow() {
    start(Map.of());
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0);
    Spectrum later = Fixtures.spectrum("HOST", 150, 20);
    later.setObservationTimeMs(java.time.Instant.parse("2030-01-01T00:00:00Z").toEpochMilli());
    stream.spectrum(later, T0 + 1);
    assertEquals(List.of("MS1|HOST"), List.copyOf(StreamDriver.latest(stream.associations).keySet()));
  }

  @Test
  void updateThatMovesTheRegion_withdrawsWithTombstones_andAssociatesTheNewRegion() {
    start(Map.of());
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0);
    stream.spectrum(Fixtures.spectrum("N", 150, 20), T0 + 1);
    stream.spectrum(Fixtures.spectrum("S", 200, -10), T0 + 2);
    assertEquals(List.of("MS1|N"), List.copyOf(StreamDriver.latest(stream.associations).keySet()));
    stream.posteriors.readRecordsToList();

    stream.candidate(candidate("MS1", AlertType.UPDATE, 2, SOUTH), T0 + 10);
    Map<String, Association> associations = StreamDriver.latest(stream.associations);
    Map<String, DcbhPosterior> posteriors = StreamDriver.latest(stream.posteriors);
    assertTrue(associations.containsKey("MS1|N"));
    assertNull(associations.get("MS1|N"), "tombstone for the association that left the region");
    assertTrue(posteriors.containsKey("MS1|N"));
    assertNull(posteriors.get("MS1|N"), "tombstone for its posterior");
    assertEquals(2, associations.get("MS1|S").getAlertVersion());
    assertEquals(2, posteriors.get("MS1|S").getAlertVersion());
    assertEquals(1, stream.metrics.count(Counter.WITHDRAWALS));
  }

  @Test
  void updateThatKeepsTheRegion_reEmitsTheAssociationAtTheNewVersion() {
    start(Map.of());
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0);
    stream.spectrum(Fixtures.spectrum("N", 150, 20), T0 + 1);
    stream.associations.readRecordsToList();
    stream.candidate(candidate("MS1", AlertType.UPDATE, 2, NORTH), T0 + 10);
    List<TestRecord<String, Association>> records = stream.associations.readRecordsToList();
    assertEquals(1, records.size(), "re-decided once, not again when the cells come round");
    assertEquals(2, records.get(0).value().getAlertVersion());
  }

  @Test
  void retraction_withdrawsEverything_andLaterAlertsAreIgnored() {
    start(Map.of());
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0);
    stream.spectrum(Fixtures.spectrum("A", 150, 20), T0 + 1);
    stream.spectrum(Fixtures.spectrum("B", 151, 21), T0 + 2);
    assertEquals(2, StreamDriver.latest(stream.associations).size());
    stream.posteriors.readRecordsToList();

    stream.candidate(candidate("MS1", AlertType.RETRACTION, 2, null), T0 + 10);
    Map<String, Association> associations = StreamDriver.latest(stream.associations);
    Map<String, DcbhPosterior> posteriors = StreamDriver.latest(stream.posteriors);
    assertEquals(Map.of("MS1|A", "tombstone", "MS1|B", "tombstone"), tombstones(associations));
    assertEquals(Map.of("MS1|A", "tombstone", "MS1|B", "tombstone"), tombstones(posteriors));

    stream.candidate(candidate("MS1", AlertType.UPDATE, 3, NORTH), T0 + 20);
    stream.spectrum(Fixtures.spectrum("C", 150, 20), T0 + 21);
    assertTrue(stream.associations.isEmpty(), "a retracted superevent never comes back");
    assertTrue(stream.posteriors.isEmpty());
  }

  @Test
  void duplicateDeliveries_giveNoDuplicateAssociationOrPosterior() {
    start(Map.of());
    GwCandidate c = candidate("MS1", AlertType.PRELIMINARY, 1, NORTH);
    Spectrum s = Fixtures.spectrum("JW-1", 150, 20);
    stream.candidate(c, T0);
    stream.spectrum(s, T0 + 1);
    stream.spectrum(s, T0 + 2);
    stream.candidate(c, T0 + 3);
    assertEquals(1, stream.associations.readRecordsToList().size());
    assertEquals(1, stream.posteriors.readRecordsToList().size());
  }

  @Test
  void olderVersionArrivingLate_doesNotReplaceTheNewer() {
    start(Map.of());
    stream.candidate(candidate("MS1", AlertType.UPDATE, 3, NORTH), T0);
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 2, SOUTH), T0 + 1);
    stream.spectrum(Fixtures.spectrum("N", 150, 20), T0 + 2);
    stream.spectrum(Fixtures.spectrum("S", 200, -10), T0 + 3);
    Map<String, Association> associations = StreamDriver.latest(stream.associations);
    assertEquals(List.of("MS1|N"), List.copyOf(associations.keySet()));
    assertEquals(3, associations.get("MS1|N").getAlertVersion());
  }

  @Test
  void twoSupereventsOverlapping_eachGetTheirAssociation() {
    start(Map.of());
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0);
    stream.candidate(candidate("MS2", AlertType.PRELIMINARY, 1, Fixtures.gaussianMap(151, 20, 2, 6)), T0 + 1);
    stream.spectrum(Fixtures.spectrum("JW-1", 150.5, 20), T0 + 2);
    assertEquals(java.util.Set.of("MS1|JW-1", "MS2|JW-1"), StreamDriver.latest(stream.associations).keySet());
  }

  @Test
  void simulatedCandidateWithStrain_reachesTheEngineWithBothModalities() {
    start(Map.of());
    GwCandidate simulated = candidate("MS7", AlertType.PRELIMINARY, 1, NORTH);
    simulated.setStrain(org.leain.contracts.StrainSegment.newBuilder().setDetector("L1")
        .setGridKind(org.leain.contracts.StrainGridKind.LOG_TIME_TO_MERGER).setMergerTimeGps(1.0e9)
        .setGridStart(8.0).setGridStep(-0.01).setSamples(List.of(0.1f, -0.2f, 0.3f)).setWhitened(true).build());
    stream.candidate(simulated, T0);
    stream.spectrum(Fixtures.spectrum("JW-S", 150, 20), T0 + 1);
    DcbhPosterior p = StreamDriver.latest(stream.posteriors).get("MS7|JW-S");
    assertEquals(List.of(org.leain.contracts.Modality.SED, org.leain.contracts.Modality.STRAIN), p.getModalities());
  }

  private static <V> Map<String, String> tombstones(Map<String, V> latest) {
    Map<String, String> out = new HashMap<>();
    latest.forEach((k, v) -> out.put(k, v == null ? "tombstone" : "value"));
    return out;
  }

  @Test
  void joinRetention_expires_soASpectrumOlderThanItIsNotJoined() {
    start(Map.of("join.retention", "1h"));
    stream.spectrum(Fixtures.spectrum("OLD", 150, 20), T0);
    stream.candidate(candidate("MS1", AlertType.PRELIMINARY, 1, NORTH), T0 + 2 * 3_600_000L);
    assertTrue(stream.associations.isEmpty());
    assertFalse(stream.metrics.count(Counter.PAIRS) > 0);
  }
}
