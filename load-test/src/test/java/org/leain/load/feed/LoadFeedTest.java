package org.leain.load.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.AvroCodec;
import org.leain.sky.crossmatch.Crossmatch;
import org.leain.sky.crossmatch.CrossmatchResult;
import org.leain.sky.skymap.Skymap;
import org.leain.sky.skymap.SkymapIndex;
import org.leain.sky.skymap.SkymapMetadata;

/** The feed judged by the sky module's independent reading of its maps (validation, crossmatch). */
class LoadFeedTest {

  private static SkymapIndex index(GwCandidate candidate) {
    MultiOrderSkymap map = candidate.getSkymap();
    return Skymap.of(map.getUniq().stream().mapToLong(Long::longValue).toArray(),
        map.getProbdensityPerSr().stream().mapToDouble(Double::doubleValue).toArray(),
        map.getDistmuMpc().stream().mapToDouble(Double::doubleValue).toArray(),
        map.getDistsigmaMpc().stream().mapToDouble(Double::doubleValue).toArray(),
        map.getDistnormPerMpc2().stream().mapToDouble(Double::doubleValue).toArray(),
        SkymapMetadata.NONE).index();
  }

  @ParameterizedTest
  @ValueSource(doubles = {30.0, 300.0, 4000.0})
  void mockSkymap_isAValidMultiOrderMap_whose90PercentAreaIsTheRequestedOne(double areaDeg2) {
    LoadFeed feed = new LoadFeed(new FeedSpec("T", 1, areaDeg2, 1, 0.0, 3));
    SkymapIndex index = index(feed.alerts().get(0)); // throws unless it tiles the sphere and sums to 1
    Spectrum inside = feed.spectrum(0).spectrum();
    CrossmatchResult result = Crossmatch.at(index, inside.getRaDeg(), inside.getDecDeg());
    // The pixelated 90% area (ligo.skymap's definition, computed by the sky module) within 5%.
    assertEquals(areaDeg2, result.area90Deg2(), 0.05 * areaDeg2);
    int rows = feed.alerts().get(0).getSkymap().getUniq().size();
    assertTrue(rows > 1000 && rows < 50_000, "rows: " + rows);
  }

  @ParameterizedTest
  @CsvSource({"5, 100, 0.3", "20, 30, 0.5", "3, 1000, 0.0"})
  void everySpectrum_isWhereTheFeedSays_bySearchedProbabilityAgainstEveryAlert(
      int alerts, double areaDeg2, double outsideFraction) {
    LoadFeed feed = new LoadFeed(new FeedSpec("T", alerts, areaDeg2, 4, outsideFraction, 11));
    List<SkymapIndex> indices = feed.alerts().stream().map(LoadFeedTest::index).toList();
    int outside = 0;
    for (long i = 0; i < 200; i++) {
      FeedSpectrum s = feed.spectrum(i);
      if (s.expectedSupereventIds().isEmpty()) {
        outside++;
      } else {
        assertTrue(s.expectedSupereventIds().contains(feed.supereventId((int) ((i / 4) % alerts))));
      }
      for (int a = 0; a < alerts; a++) {
        double p = Crossmatch.at(indices.get(a), s.spectrum().getRaDeg(), s.spectrum().getDecDeg()).searchedProb();
        boolean expected = s.expectedSupereventIds().contains(feed.supereventId(a));
        assertTrue(expected ? p <= 0.6 : p >= 0.99, "spectrum " + i + " alert " + a + " searched prob " + p);
      }
    }
    assertEquals(outsideFraction * 200, outside, 0.1 * 200 + 1);
  }

  @Test
  void spectrumIds_mapBackToTheirIndex_andOtherRunsIdsToMinusOne() {
    LoadFeed feed = new LoadFeed(new FeedSpec("Abc1", 2, 50, 1, 0.0, 1));
    assertEquals(12345, feed.indexOf(feed.spectrumId(12345)));
    assertEquals(-1, feed.indexOf(new LoadFeed(new FeedSpec("Abc2", 1, 50, 1, 0.0, 1)).spectrumId(3)));
    assertEquals(-1, feed.indexOf("LTAbc1-x"));
    assertTrue(feed.supereventId(1).startsWith("M"), "mock superevent ids start with M");
  }

  @Test
  void records_roundTripThroughTheWireFormat_andTheSameIndexGivesTheSameSpectrum() {
    LoadFeed feed = new LoadFeed(new FeedSpec("T", 3, 100, 2, 0.2, 5));
    GwCandidate alert = feed.alerts().get(2);
    assertEquals(alert, AvroCodec.of(GwCandidate.class, 64 << 20).decode(
        AvroCodec.of(GwCandidate.class, 64 << 20).encode(alert)));
    Spectrum spectrum = feed.spectrum(17).spectrum();
    AvroCodec<Spectrum> codec = AvroCodec.of(Spectrum.class);
    assertEquals(spectrum, codec.decode(codec.encode(spectrum)));
    assertEquals(spectrum, feed.spectrum(17).spectrum());
  }

  @Test
  void outsideSpectra_whereRegionsCoverTheSky_failNamingTheRemedy() {
    LoadFeed feed = new LoadFeed(new FeedSpec("T", 3, 10_000, 1, 0.99, 1));
    long outsideIndex = 0;
    while (!feed.isOutside(outsideIndex)) {
      outsideIndex++;
    }
    long index = outsideIndex;
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> feed.spectrum(index));
    assertTrue(e.getMessage().contains("use an outside fraction of 0"), e.getMessage());
  }

  /** Seen in the load study: 10 alerts of 4,000 deg^2 lost 40 of 450 spectra mid-run as failed sends. */
  @ParameterizedTest
  @CsvSource({"10, 4000", "20, 4000", "100, 4000"})
  void regionsLeavingSomeAlertNoClearPosition_areRefusedBeforeAnySpectrum(int alerts, double areaDeg2) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LoadFeed(new FeedSpec("T", alerts, areaDeg2, 10, 0.0, 1)));
    assertTrue(e.getMessage().startsWith("Expected every alert's region to hold a position clear of the other"),
        e.getMessage());
  }

  @Test
  void feedSpec_rejectsTagsThatWouldMakeInvalidIds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new FeedSpec("a|b", 1, 10, 1, 0, 1));
    assertTrue(e.getMessage().startsWith("Expected a run tag"), e.getMessage());
  }
}
