package org.leain.stream.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.leain.contracts.AlertType;
import org.leain.contracts.Association;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.StrainGridKind;
import org.leain.contracts.StrainSegment;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.dlq.DeadLetterRecords;
import org.leain.stream.join.AssociationChange;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;
import org.leain.stream.testing.TestOnlyEngine;

/** The buffer entry: what it keeps of the candidate, and its byte round trip. */
class BufferedAssociationTest {

  private static GwCandidate candidateWithStrainAndNotice() {
    GwCandidate c = Fixtures.candidate("MS1", AlertType.PRELIMINARY, 2, 1_000L, Fixtures.gaussianMap(150, 20, 2, 6));
    c.setCombinedSkymap(Fixtures.gaussianMap(150, 20, 1, 6));
    c.getProvenance().setOriginalNotice(ByteBuffer.wrap("{\"notice\":1}".getBytes(StandardCharsets.UTF_8)));
    c.getProvenance().setIngestedMs(1_234L);
    c.setStrain(StrainSegment.newBuilder().setDetector("LISA").setGridKind(StrainGridKind.LOG_TIME_TO_MERGER)
        .setMergerTimeGps(1.0e9).setGridStart(8.0).setGridStep(-0.01).setSamples(List.of(0.1f, -0.2f, 0.3f, 0.4f))
        .setWhitened(true).build());
    return c;
  }

  @Test
  void lightweight_dropsTheMapsAndNotice_andKeepsEverythingElse() {
    GwCandidate full = candidateWithStrainAndNotice();
    GwCandidate light = BufferedAssociation.lightweight(full);
    assertNull(light.getSkymap());
    assertNull(light.getCombinedSkymap());
    assertNull(light.getProvenance().getOriginalNotice());
    assertEquals(full.getStrain(), light.getStrain());
    assertEquals(Long.valueOf(1_234L), light.getProvenance().getIngestedMs());
    assertEquals(full.getVersion(), light.getVersion());
    assertNotNull(full.getSkymap(), "the original is untouched");
    assertNotNull(full.getProvenance().getOriginalNotice());
    int fullBytes = ContractSerdes.gwCandidate().serializer().serialize("t", full).length;
    int lightBytes = ContractSerdes.gwCandidate().serializer().serialize("t", light).length;
    assertTrue(lightBytes * 10 < fullBytes, lightBytes + " vs " + fullBytes + " bytes");
  }

  @Test
  void bytes_roundTrip_keyTimestampHeadersOriginAndChange() {
    Association association;
    try (StreamDriver stream = new StreamDriver(Map.of(), (bytes, topic) -> {
      throw new UnsupportedOperationException();
    }, TestOnlyEngine::new)) {
      stream.candidate(candidateWithStrainAndNotice(), 1_000L);
      stream.spectrum(Fixtures.spectrum("JW-1", 150.1, 20.1), 2_000L);
      association = StreamDriver.latest(stream.associations).get("MS1|JW-1");
    }
    AssociationChange.Accepted change = new AssociationChange.Accepted(association,
        BufferedAssociation.lightweight(candidateWithStrainAndNotice()), Fixtures.spectrum("JW-1", 150.1, 20.1));
    RecordHeaders headers = new RecordHeaders();
    headers.add("trace", new byte[] {1, 2});
    headers.add("empty", null);
    BufferedAssociation entry = new BufferedAssociation("MS1|JW-1", change, 99L, headers,
        new DeadLetterRecords.Origin("leain-stream-pairs-by-superevent-repartition", 3, 17L, 99L));
    BufferedAssociation back = BufferedAssociation.fromBytes(entry.toBytes());
    assertEquals(entry.key(), back.key());
    assertEquals(99L, back.timestampMs());
    assertEquals(entry.origin(), back.origin());
    assertEquals(change, back.change());
    assertArrayEquals(new byte[] {1, 2}, back.headers().lastHeader("trace").value());
    assertNull(back.headers().lastHeader("empty").value());
  }
}
