package org.leain.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.AvroCodec;
import org.leain.sky.crossmatch.Crossmatch;
import org.leain.sky.lvk.GwCandidates;
import org.leain.sky.lvk.LvkAlert;
import org.leain.sky.lvk.LvkAlertReader;
import org.leain.sky.lvk.LvkAlertType;
import org.leain.sky.skymap.SkymapIndex;

/** The demo's scenario, checked record by record with the sky module's own readers and crossmatch (no broker). */
class ScenarioBuilderTest {

  private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private static final DemoTopics TOPICS = DemoTopics.defaults();
  private static final ScenarioBuilder BUILDER = new ScenarioBuilder(RepositoryRoot.find(), TOPICS);
  private static final AvroCodec<GwCandidate> CANDIDATES = AvroCodec.of(GwCandidate.class);
  private static final AvroCodec<Spectrum> SPECTRA = AvroCodec.of(Spectrum.class);

  @ParameterizedTest(name = "quick = {0}")
  @ValueSource(booleans = {true, false})
  void everyExpectedAssociation_isExactlyWhereTheSpectrumIsInsideTheCandidates90PercentRegion(boolean quick) {
    DemoScenario scenario = BUILDER.build(quick, "", 1_700_000_000_000L);
    Map<String, SkymapIndex> maps = new LinkedHashMap<>();
    List<Spectrum> spectra = new ArrayList<>();
    for (ScenarioRecord record : scenario.beforeRetraction()) {
      if (record.topic().equals(TOPICS.candidates())) {
        GwCandidate candidate = CANDIDATES.decode(record.value());
        maps.put(candidate.getSupereventId(), GwCandidates.toSkymap(candidate.getSkymap()).index());
      } else if (record.topic().equals(TOPICS.alerts()) && record.key().startsWith("MS181101ab")) {
        LvkAlert alert = LvkAlertReader.read(record.value());
        maps.put(alert.supereventId(), GwCandidates.toSkymap(
            GwCandidates.toGwCandidate(alert, 1, TOPICS.alerts(), null, null).getSkymap()).index());
      } else if (record.topic().equals(TOPICS.spectra()) && VALID_ID.matcher(record.key()).matches()) {
        spectra.add(SPECTRA.decode(record.value()));
      }
    }
    assertEquals(quick ? 3 : 5, maps.size());
    Set<String> inside = new HashSet<>();
    for (Map.Entry<String, SkymapIndex> map : maps.entrySet()) {
      for (Spectrum spectrum : spectra) {
        double searchedProb = Crossmatch.at(map.getValue(), spectrum.getRaDeg(), spectrum.getDecDeg()).searchedProb();
        if (searchedProb <= 0.9) {
          inside.add(DemoScenario.associationId(map.getKey(), spectrum.getSpectrumId()));
        }
      }
    }
    assertEquals(scenario.expectedAssociations(), inside);
    for (String association : scenario.unexpectedAssociations()) {
      assertFalse(inside.contains(association), association);
    }
    assertEquals(quick ? 1 : 2, scenario.unexpectedAssociations().size() / (quick ? 2 : 4));
  }

  @Test
  void uncoverSpectrum_isPlacedInsideThe90PercentRegion_ofEveryMS181101abNoticeBeforeTheRetraction() {
    DemoScenario scenario = BUILDER.build(true, "", 0L);
    Spectrum uncover = scenario.beforeRetraction().stream().filter(r -> r.key().equals("uncover-45924"))
        .map(r -> SPECTRA.decode(r.value())).findFirst().orElseThrow();
    assertEquals(ScenarioBuilder.UNCOVER_PLACEMENT_RA_DEG, uncover.getRaDeg(), 0.0);
    assertEquals(ScenarioBuilder.UNCOVER_PLACEMENT_DEC_DEG, uncover.getDecDeg(), 0.0);
    assertEquals(4.463, uncover.getRedshiftSpec(), 1e-3);
    int notices = 0;
    for (ScenarioRecord record : scenario.beforeRetraction()) {
      if (record.key().equals("MS181101ab")) {
        LvkAlert alert = LvkAlertReader.read(record.value());
        SkymapIndex index = GwCandidates.toSkymap(
            GwCandidates.toGwCandidate(alert, 1, TOPICS.alerts(), null, null).getSkymap()).index();
        double searchedProb = Crossmatch.at(index, uncover.getRaDeg(), uncover.getDecDeg()).searchedProb();
        assertTrue(searchedProb <= 0.9, alert.alertType() + ": searched probability " + searchedProb);
        notices++;
      }
    }
    assertEquals(2, notices);
    assertTrue(scenario.placementNote().contains("placement for the demo"));
  }

  @Test
  void retractionPhase_holdsOnlyTheRetraction_andWithdrawsTheUncoverAssociation() {
    DemoScenario scenario = BUILDER.build(true, "", 0L);
    assertEquals(1, scenario.retraction().size());
    LvkAlert retraction = LvkAlertReader.read(scenario.retraction().get(0).value());
    assertEquals(LvkAlertType.RETRACTION, retraction.alertType());
    assertNull(retraction.event());
    assertEquals(Set.of("MS181101ab|uncover-45924"), scenario.withdrawnAssociations());
    assertTrue(scenario.expectedAssociations().containsAll(scenario.withdrawnAssociations()));
  }

  @Test
  void simulatedCandidates_arriveBothBeforeAndAfterTheirSpectrum_andCarryStrainAndAMockFlag() {
    DemoScenario scenario = BUILDER.build(true, "", 0L);
    List<String> order = scenario.beforeRetraction().stream().map(ScenarioRecord::key).toList();
    assertTrue(order.indexOf("MDEMO01") < order.indexOf("sim-01-in"), order.toString());
    assertTrue(order.indexOf("sim-02-in") < order.indexOf("MDEMO02"), order.toString());
    for (ScenarioRecord record : scenario.beforeRetraction()) {
      if (record.topic().equals(TOPICS.candidates())) {
        GwCandidate candidate = CANDIDATES.decode(record.value());
        assertEquals(record.key(), candidate.getSupereventId());
        assertTrue(candidate.getMock());
        assertNotNull(candidate.getStrain());
        assertEquals(2 * 1024, candidate.getStrain().getSamples().size());
        assertEquals(candidate.getStrain().getSamples().size(), candidate.getStrain().getMask().size());
      }
    }
    assertEquals(Set.of("sim-01-in", "sim-02-in"), scenario.truths().keySet());
    double z = scenario.truths().get("sim-01-in").get("z");
    assertTrue(z >= 3 && z <= 12, "z " + z);
  }

  @Test
  void goodRecords_haveValidIds_keyedAsTheTopicsSay() {
    DemoScenario scenario = BUILDER.build(false, "", 0L);
    Set<String> badKeys = new HashSet<>();
    scenario.deadLetters().forEach(d -> badKeys.add(d.originKey()));
    for (ScenarioRecord record : scenario.beforeRetraction()) {
      if (badKeys.contains(record.key())) {
        continue;
      }
      assertTrue(VALID_ID.matcher(record.key()).matches(), record.key());
      if (record.topic().equals(TOPICS.spectra())) {
        assertEquals(record.key(), SPECTRA.decode(record.value()).getSpectrumId());
      } else if (record.topic().equals(TOPICS.alerts())) {
        assertEquals(record.key(), LvkAlertReader.read(record.value()).supereventId());
      } else {
        assertEquals(TOPICS.candidates(), record.topic());
      }
    }
  }

  @Test
  void badMessages_failTheReadersForTheReasonsTheyClaim() {
    DemoScenario scenario = BUILDER.build(true, "", 0L);
    assertEquals(3, scenario.deadLetters().size());
    for (DemoScenario.ExpectedDeadLetter bad : scenario.deadLetters()) {
      ScenarioRecord record = scenario.beforeRetraction().stream().filter(r -> r.key().equals(bad.originKey()))
          .findFirst().orElseThrow();
      assertEquals(bad.originTopic(), record.topic());
      if (record.topic().equals(TOPICS.alerts())) {
        assertThrows(RuntimeException.class, () -> LvkAlertReader.read(record.value()), bad.what());
      } else {
        Spectrum spectrum = SPECTRA.decode(record.value());
        assertFalse(VALID_ID.matcher(spectrum.getSpectrumId()).matches(), spectrum.getSpectrumId());
      }
    }
  }

  @Test
  void runTag_makesEveryIdUnique_andRewrittenNoticesStillParseWithTheirOwnContent() {
    DemoScenario tagged = BUILDER.build(true, "r42", 0L);
    DemoScenario plain = BUILDER.build(true, "", 0L);
    assertTrue(tagged.expectedAssociations().contains("MS181101ab-r42|uncover-45924-r42"));
    for (String association : tagged.expectedAssociations()) {
      assertTrue(association.endsWith("-r42") && association.contains("-r42|"), association);
    }
    List<ScenarioRecord> taggedRecords = new ArrayList<>(tagged.beforeRetraction());
    taggedRecords.addAll(tagged.retraction());
    List<ScenarioRecord> plainRecords = new ArrayList<>(plain.beforeRetraction());
    plainRecords.addAll(plain.retraction());
    assertEquals(plainRecords.size(), taggedRecords.size());
    for (int i = 0; i < taggedRecords.size(); i++) {
      ScenarioRecord t = taggedRecords.get(i);
      assertTrue(t.key().endsWith("-r42"), t.key());
      if (t.key().startsWith("MS181101ab")) {
        LvkAlert rewritten = LvkAlertReader.read(t.value());
        LvkAlert original = LvkAlertReader.read(plainRecords.get(i).value());
        assertEquals("MS181101ab-r42", rewritten.supereventId());
        assertEquals(original.format(), rewritten.format());
        assertEquals(original.alertType(), rewritten.alertType());
        assertEquals(original.timeCreated(), rewritten.timeCreated());
      }
    }
  }
}
