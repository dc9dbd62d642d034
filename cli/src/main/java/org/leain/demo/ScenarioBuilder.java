package org.leain.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.wire.AvroCodec;
import org.leain.load.feed.FeedSpec;
import org.leain.load.feed.FeedSpectrum;
import org.leain.load.feed.LoadFeed;
import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumReader;
import org.leain.sky.jwst.SpectrumRecords;

/**
 * Builds the demo's scenario (a pure function of its arguments: the same sky, physics and order on
 * every run; only the run tag changes the ids).
 *
 * <p>Simulated events: mock GW candidates (von Mises-Fisher sky maps of {@value #SIMULATED_AREA90_DEG2}
 * deg^2 from the load-test feed, whose geometry guarantees an unambiguous inside or outside; strain
 * and spectra from the simulator), with spectra inside their 90% regions in both arrival orders
 * (candidate first, spectrum first) and spectra outside every region. Real events: the LVK mock
 * superevent MS181101ab (preliminary as GCN JSON, update as SCiMMA Avro, then the retraction) with
 * the real UNCOVER 45924 PRISM spectrum, whose true position (RA 3.58, Dec -30.34) is far from
 * MS181101ab's map: the demo places it at {@link #UNCOVER_PLACEMENT_RA_DEG},
 * {@link #UNCOVER_PLACEMENT_DEC_DEG}, near the map's maximum, and says so. Bad messages: bytes that
 * are no alert, a JSON notice missing its required fields, and a spectrum whose id is invalid.
 */
public final class ScenarioBuilder {

  /** Where the demo places UNCOVER 45924 (near MS181101ab's density maximum, RA 194.304, Dec -17.857). */
  public static final double UNCOVER_PLACEMENT_RA_DEG = 194.30;
  public static final double UNCOVER_PLACEMENT_DEC_DEG = -17.86;
  /** UNCOVER 45924's spectroscopic redshift (de Graaff et al. 2025; see data/README.md). */
  public static final double UNCOVER_REDSHIFT = 4.463361263885918;
  static final String UNCOVER_FILE = "uncover-v4_prism-clear_2561_45924.spec.fits";
  static final double SIMULATED_AREA90_DEG2 = 100.0;
  private static final long SEED = 20260101L;

  private final Path repositoryRoot;
  private final DemoTopics topics;

  public ScenarioBuilder(Path repositoryRoot, DemoTopics topics) {
    this.repositoryRoot = repositoryRoot;
    this.topics = topics;
  }

  /**
   * @param quick two simulated candidates, one outside spectrum (else four candidates, two outside)
   * @param runTag appended to every id ({@code MS181101ab-<tag>}); empty keeps the real ids
   * @param nowMs creation time of the simulated candidates
   */
  public DemoScenario build(boolean quick, String runTag, long nowMs) {
    if (runTag == null || !runTag.matches("[A-Za-z0-9]{0,16}")) {
      throw new IllegalArgumentException("Expected a run tag of 0-16 characters [A-Za-z0-9]. Actual: " + runTag);
    }
    String suffix = runTag.isEmpty() ? "" : "-" + runTag;
    int simulatedCandidates = quick ? 2 : 4;
    int outsideSpectra = quick ? 1 : 2;

    List<ScenarioRecord> first = new ArrayList<>();
    List<ScenarioRecord> second = new ArrayList<>();
    Set<String> expected = new LinkedHashSet<>();
    Set<String> unexpected = new LinkedHashSet<>();
    Map<String, Map<String, Double>> truths = new LinkedHashMap<>();
    AvroCodec<GwCandidate> candidateCodec = AvroCodec.of(GwCandidate.class);
    AvroCodec<Spectrum> spectrumCodec = AvroCodec.of(Spectrum.class);

    // Simulated events. Even candidates arrive before their spectrum, odd ones after it.
    LoadFeed feed = new LoadFeed(new FeedSpec("demo", simulatedCandidates, SIMULATED_AREA90_DEG2, 1, 0.5, SEED));
    SimulatedEvents simulated = new SimulatedEvents();
    List<String> candidateIds = new ArrayList<>();
    for (int a = 0; a < simulatedCandidates; a++) {
      candidateIds.add(String.format("MDEMO%02d%s", a + 1, suffix));
    }
    long index = 0;
    for (int a = 0; a < simulatedCandidates; a++) {
      while (feed.isOutside(index) || index % simulatedCandidates != a) {
        index++;
      }
      FeedSpectrum placed = feed.spectrum(index++);
      SimulatedEvents.Source source = simulated.draw(SEED + 1000L * (a + 1));
      String candidateId = candidateIds.get(a);
      String spectrumId = String.format("sim-%02d-in%s", a + 1, suffix);
      GwCandidate candidate = simulated.candidate(candidateId, source, feed.alerts().get(a).getSkymap(), nowMs);
      Spectrum spectrum = simulated.spectrum(spectrumId, source, placed.spectrum().getRaDeg(), placed.spectrum().getDecDeg());
      ScenarioRecord gw = new ScenarioRecord(topics.candidates(), candidateId, candidateCodec.encode(candidate),
          String.format("simulated GW candidate %s (90%% area %.0f deg^2, strain %d samples)", candidateId,
              SIMULATED_AREA90_DEG2, candidate.getStrain().getSamples().size()));
      ScenarioRecord sed = new ScenarioRecord(topics.spectra(), spectrumId, spectrumCodec.encode(spectrum),
          String.format("simulated spectrum %s inside %s's 90%% region (z %.2f)", spectrumId, candidateId,
              source.theta().z()));
      if (a % 2 == 0) {
        first.add(gw);
        first.add(sed);
      } else {
        first.add(sed);
        first.add(gw);
      }
      for (String other : placed.expectedSupereventIds()) {
        int otherIndex = Integer.parseInt(other.substring(other.lastIndexOf('A') + 1));
        expected.add(DemoScenario.associationId(candidateIds.get(otherIndex), spectrumId));
      }
      truths.put(spectrumId, source.truthByName());
    }
    for (int k = 0; k < outsideSpectra; k++) {
      while (!feed.isOutside(index)) {
        index++;
      }
      FeedSpectrum placed = feed.spectrum(index++);
      SimulatedEvents.Source source = simulated.draw(SEED + 7777L * (k + 1));
      String spectrumId = String.format("sim-out-%02d%s", k + 1, suffix);
      Spectrum spectrum = simulated.spectrum(spectrumId, source, placed.spectrum().getRaDeg(), placed.spectrum().getDecDeg());
      first.add(new ScenarioRecord(topics.spectra(), spectrumId, spectrumCodec.encode(spectrum),
          "simulated spectrum " + spectrumId + " outside every region (no posterior expected)"));
      for (String candidateId : candidateIds) {
        unexpected.add(DemoScenario.associationId(candidateId, spectrumId));
      }
    }

    // The real LVK sequence with the real UNCOVER spectrum placed inside MS181101ab's region.
    String superevent = "MS181101ab" + suffix;
    String uncoverId = "uncover-45924" + suffix;
    first.add(lvk("MS181101ab-preliminary.json", superevent, runTag, "LVK PRELIMINARY " + superevent + " (GCN JSON)"));
    first.add(new ScenarioRecord(topics.spectra(), uncoverId, spectrumCodec.encode(uncover(uncoverId)),
        String.format("JWST UNCOVER 45924 PRISM spectrum (real, z %.3f) as %s, placed at RA %.2f Dec %.2f",
            UNCOVER_REDSHIFT, uncoverId, UNCOVER_PLACEMENT_RA_DEG, UNCOVER_PLACEMENT_DEC_DEG)));
    first.add(lvk("MS181101ab-update.avro", superevent, runTag, "LVK UPDATE " + superevent + " (SCiMMA Avro)"));
    String uncoverAssociation = DemoScenario.associationId(superevent, uncoverId);
    expected.add(uncoverAssociation);

    // Bad messages.
    List<DemoScenario.ExpectedDeadLetter> deadLetters = new ArrayList<>();
    String garbageKey = "garbage" + suffix;
    first.add(new ScenarioRecord(topics.alerts(), garbageKey,
        new byte[] {0x00, (byte) 0xFF, 0x13, 0x37, 'n', 'o', 't', ' ', 'a', 'n', ' ', 'a', 'l', 'e', 'r', 't'},
        "bad message: 16 bytes that are no alert"));
    deadLetters.add(new DemoScenario.ExpectedDeadLetter(topics.alerts(), garbageKey, "unreadable bytes"));
    String malformedKey = "MS181101zz" + suffix;
    first.add(new ScenarioRecord(topics.alerts(), malformedKey,
        ("{\"superevent_id\": \"" + malformedKey + "\", \"alert_type\": \"PRELIMINARY\"}").getBytes(StandardCharsets.UTF_8),
        "bad message: a JSON alert without time_created and event"));
    deadLetters.add(new DemoScenario.ExpectedDeadLetter(topics.alerts(), malformedKey, "malformed alert"));
    String invalidId = "bad id!" + suffix;
    Spectrum invalid = uncover("placeholder");
    invalid.setSpectrumId(invalidId);
    first.add(new ScenarioRecord(topics.spectra(), invalidId, spectrumCodec.encode(invalid),
        "bad message: a spectrum with the invalid id '" + invalidId + "'"));
    deadLetters.add(new DemoScenario.ExpectedDeadLetter(topics.spectra(), invalidId, "invalid id"));

    second.add(lvk("MS181101ab-retraction.json", superevent, runTag, "LVK RETRACTION " + superevent + " (GCN JSON)"));

    String note = String.format("UNCOVER 45924 is really at RA 3.585 Dec -30.344; for the demo it is placed at "
        + "RA %.2f Dec %.2f, inside MS181101ab's 90%% region (a placement for the demo, not a real association).",
        UNCOVER_PLACEMENT_RA_DEG, UNCOVER_PLACEMENT_DEC_DEG);
    return new DemoScenario(runTag, first, second, expected, Set.of(uncoverAssociation), unexpected, deadLetters,
        truths, note);
  }

  /** The real UNCOVER 45924 spectrum, placed for the demo. */
  Spectrum uncover(String spectrumId) {
    Path file = repositoryRoot.resolve("data").resolve("jwst").resolve(UNCOVER_FILE);
    JwstSpectrum spectrum = SpectrumReader.read(read(file), UNCOVER_FILE)
        .withPosition(UNCOVER_PLACEMENT_RA_DEG, UNCOVER_PLACEMENT_DEC_DEG);
    return SpectrumRecords.toSpectrum(spectrum, spectrumId, UNCOVER_REDSHIFT, null);
  }

  private ScenarioRecord lvk(String fileName, String supereventId, String runTag, String label) {
    byte[] bytes = read(repositoryRoot.resolve("data").resolve("lvk").resolve(fileName));
    byte[] value = runTag.isEmpty() ? bytes : LvkNoticeRewriter.withSupereventId(bytes, supereventId);
    return new ScenarioRecord(topics.alerts(), supereventId, value, label);
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Expected the demo's data file " + file + ". Actual: unreadable", e);
    }
  }
}
