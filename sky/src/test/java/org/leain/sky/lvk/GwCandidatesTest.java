package org.leain.sky.lvk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;
import org.leain.contracts.AlertType;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.SourceFormat;
import org.leain.sky.crossmatch.Crossmatch;
import org.leain.sky.skymap.Skymap;
import org.leain.sky.skymap.SkymapReader;
import org.leain.sky.testdata.TestData;

class GwCandidatesTest {

  private static GwCandidate candidate(String file) {
    LvkAlert alert = LvkAlertReader.read(TestData.dataBytes("lvk/" + file));
    return GwCandidates.toGwCandidate(alert, 3, "igwn.gwalert", 1_700_000_000_000L, null);
  }

  /** Encodes and decodes with Avro: the record is complete and valid for its schema. */
  private static GwCandidate roundTrip(GwCandidate c) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder enc = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(GwCandidate.class).write(c, enc);
    enc.flush();
    return new SpecificDatumReader<>(GwCandidate.class)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));
  }

  @Test
  void preliminaryNotice_becomesACandidate_withEventTimeInGpsAndTheSkymapArrays() throws Exception {
    GwCandidate c = roundTrip(candidate("MS181101ab-preliminary.json"));
    assertEquals("MS181101ab", c.getSupereventId());
    assertEquals(AlertType.PRELIMINARY, c.getAlertType());
    assertEquals(3, c.getVersion());
    assertEquals(1225146184.654, c.getEventTimeGps(), 1e-6); // astropy Time(...).gps
    assertEquals(9.11069936486e-14, c.getFarHz(), 0);
    assertTrue(c.getMock());
    assertEquals(SourceFormat.GCN_JSON, c.getProvenance().getSourceFormat());
    assertEquals(19_200, c.getSkymap().getUniq().size());
    assertEquals(11, c.getSkymap().getMaxOrder());
    assertEquals(39.76999609489013, c.getSkymap().getDistmeanMpc(), 0);
    assertEquals("MS181101ab", c.getSkymap().getObject());
    assertNull(c.getCombinedSkymap());
    assertNull(c.getStrain());
  }

  @Test
  void skymapFromCandidateArrays_crossmatchesLikeTheFitsMap() throws Exception {
    GwCandidate c = roundTrip(candidate("MS181101ab-update.avro"));
    Skymap fromArrays = GwCandidates.toSkymap(c.getSkymap());
    Skymap fits = SkymapReader.read(TestData.dataBytes("lvk/bayestar.multiorder.fits"));
    assertEquals(Crossmatch.at(fits.index(), 197.4133, -23.3996, 0.01),
        Crossmatch.at(fromArrays.index(), 197.4133, -23.3996, 0.01));
  }

  @Test
  void retraction_becomesACandidateWithoutEventOrSkymap() throws Exception {
    GwCandidate c = roundTrip(candidate("MS181101ab-retraction.avro"));
    assertEquals(AlertType.RETRACTION, c.getAlertType());
    assertNull(c.getSkymap());
    assertNull(c.getEventTimeGps());
    assertTrue(c.getInstruments().isEmpty());
    assertEquals(SourceFormat.SCIMMA_AVRO, c.getProvenance().getSourceFormat());
  }

  @Test
  void externalCoincidence_keepsTheCombinedSkymapBesideTheEventMap() throws Exception {
    GwCandidate c = roundTrip(candidate("MS181101ab-ext-update.json"));
    assertNotNull(c.getSkymap());
    assertNotNull(c.getCombinedSkymap());
    assertEquals("Fermi", c.getExternalCoinc().getObservatory());
    Skymap combined = GwCandidates.toSkymap(c.getCombinedSkymap());
    Skymap expected = SkymapReader.read(TestData.dataBytes("lvk/combined-ext.multiorder.fits"));
    assertEquals(expected.index().credibleAreaDeg2(0.9), combined.index().credibleAreaDeg2(0.9), 0);
  }
}
