package org.leain.stream.lvk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.leain.contracts.AlertType;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.SourceFormat;
import org.leain.stream.metrics.Counter;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;
import org.leain.stream.testing.TestOnlyEngine;

/** The normaliser on the real MS181101ab notices (JSON as GCN serves them, Avro as SCiMMA does). */
class NormaliserTopologyTest {
  private static final long T0 = 1_800_000_000_000L;
  private StreamDriver stream;

  @BeforeEach
  void start() {
    stream = new StreamDriver(Map.of(), new SkyAlertDecoder(), TestOnlyEngine::new);
  }

  @AfterEach
  void close() {
    stream.close();
  }

  private void alert(String file, long timestampMs) {
    stream.alerts.pipeInput(null, Fixtures.read("data/lvk/" + file), timestampMs);
  }

  private List<KeyValue<String, GwCandidate>> candidates() {
    return stream.candidatesOut.readKeyValuesToList();
  }

  @Test
  void preliminaryJson_becomesVersionOne_keyedBySuperevent_withItsSkymap() {
    alert("MS181101ab-preliminary.json", T0);
    List<KeyValue<String, GwCandidate>> out = candidates();
    assertEquals(1, out.size());
    GwCandidate c = out.get(0).value;
    assertEquals("MS181101ab", out.get(0).key);
    assertEquals(AlertType.PRELIMINARY, c.getAlertType());
    assertEquals(1, c.getVersion());
    assertEquals(19_200, c.getSkymap().getUniq().size(), "the bayestar.multiorder.fits rows");
    assertEquals(SourceFormat.GCN_JSON, c.getProvenance().getSourceFormat());
    assertEquals(T0, c.getProvenance().getIngestedMs());
    assertEquals("igwn.gwalert", c.getProvenance().getSourceTopic());
  }

  @Test
  void sameNoticeAsJsonThenAvro_isOneVersion() {
    alert("MS181101ab-preliminary.json", T0);
    alert("MS181101ab-preliminary.avro", T0 + 1);
    assertEquals(1, candidates().size());
    assertEquals(1, stream.metrics.count(Counter.ALERTS_IGNORED));
  }

  @Test
  void versionsFollowTheTypeOrder_andAnOlderNoticeArrivingLateIsIgnored() {
    alert("MS181101ab-earlywarning.json", T0);
    alert("MS181101ab-initial.avro", T0 + 1);
    alert("MS181101ab-preliminary.json", T0 + 2); // older than INITIAL: ignored
    alert("MS181101ab-update.json", T0 + 3);
    List<KeyValue<String, GwCandidate>> out = candidates();
    assertEquals(List.of(AlertType.EARLYWARNING, AlertType.INITIAL, AlertType.UPDATE),
        out.stream().map(kv -> kv.value.getAlertType()).toList());
    assertEquals(List.of(1, 2, 3), out.stream().map(kv -> kv.value.getVersion()).toList());
  }

  @Test
  void retraction_isSticky_laterUpdatesNeverComeBack() {
    alert("MS181101ab-preliminary.json", T0);
    alert("MS181101ab-retraction.json", T0 + 1);
    alert("MS181101ab-update.avro", T0 + 2);
    alert("MS181101ab-ext-update.json", T0 + 3);
    List<KeyValue<String, GwCandidate>> out = candidates();
    assertEquals(2, out.size());
    GwCandidate retraction = out.get(1).value;
    assertEquals(AlertType.RETRACTION, retraction.getAlertType());
    assertEquals(2, retraction.getVersion());
    assertNull(retraction.getSkymap());
    assertEquals(2, stream.metrics.count(Counter.ALERTS_IGNORED));
  }

  @Test
  void externalCoincidence_keepsTheCombinedSkymap() {
    alert("MS181101ab-ext-update.json", T0);
    GwCandidate c = candidates().get(0).value;
    assertNotNull(c.getCombinedSkymap());
    assertNotNull(c.getExternalCoinc());
    assertTrue(c.getCombinedSkymap().getUniq().size() > 0);
  }
}
