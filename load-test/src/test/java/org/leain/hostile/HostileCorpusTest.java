package org.leain.hostile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.wire.UnreadablePayloadException;
import org.leain.hostile.HostileCase.Owner;
import org.leain.sky.jwst.InvalidSpectrumException;
import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumReader;
import org.leain.sky.jwst.SpectrumRecords;
import org.leain.sky.lvk.GwCandidates;
import org.leain.sky.lvk.InvalidAlertException;
import org.leain.sky.lvk.LvkAlertReader;
import org.leain.sky.skymap.InvalidSkymapException;

/**
 * Every hostile case is rejected by the component that owns it, with the reason the manifest
 * names, allocating no more than the manifest allows; the committed corpus is exactly what the
 * generator writes.
 */
class HostileCorpusTest {

  private static final HostileCorpus CORPUS = HostileCorpus.committed();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  static Stream<HostileCase> cases() {
    return CORPUS.cases().stream();
  }

  @Test
  void theCommittedCorpus_isExactlyWhatTheGeneratorWrites(@TempDir Path folder) throws Exception {
    HostileCorpusGenerator.write(folder, HostileCorpus.repositoryRoot());
    Path committed = HostileCorpus.repositoryRoot().resolve("load-test/src/test/resources/hostile");
    assertEquals(Files.readString(committed.resolve(HostileCorpus.MANIFEST)),
        Files.readString(folder.resolve(HostileCorpus.MANIFEST)), "manifest.json differs: rerun the generator");
    try (Stream<Path> files = Files.list(folder)) {
      for (Path generated : files.filter(p -> p.toString().endsWith(".bin")).toList()) {
        assertArrayEquals(Files.readAllBytes(generated), Files.readAllBytes(committed.resolve(generated.getFileName())),
            generated.getFileName() + " differs: rerun the generator");
      }
    }
    try (Stream<Path> files = Files.list(committed)) {
      assertEquals(CORPUS.cases().stream().filter(c -> c.generated() == null).count(),
          files.filter(p -> p.toString().endsWith(".bin")).count(), "committed .bin files without a manifest entry");
    }
  }

  @Test
  void theCorpus_hasAtLeast200Cases_coveringEveryFamilyTheIssueNames() {
    List<String> names = CORPUS.cases().stream().map(HostileCase::name).toList();
    assertTrue(names.size() >= 200, "Expected at least 200 cases. Actual: " + names.size());
    Map<String, String> families = new TreeMap<>(Map.ofEntries(
        Map.entry("truncated Avro", "avro-spectrum-truncated-"), Map.entry("bit-flipped Avro", "avro-candidate-marker-bit-"),
        Map.entry("unknown fingerprints", "avro-spectrum-fingerprint-byte-"), Map.entry("missing JSON fields", "alert-missing-"),
        Map.entry("mistyped JSON fields", "alert-far-string"), Map.entry("bad base64", "alert-base64-"),
        Map.entry("FITS with missing columns", "alert-skymap-no-uniq-column"), Map.entry("UNIQ out of range", "alert-skymap-uniq-"),
        Map.entry("probabilities not summing to 1", "alert-skymap-sum-"), Map.entry("NaN/inf/negative errors", "spectrum-masked-error-"),
        Map.entry("RA/Dec out of range", "spectrum-dec-91"), Map.entry("millions of elements", "avro-spectrum-three-million-bins"),
        Map.entry("unknown alert types", "alert-type-"), Map.entry("out-of-order versions", "normaliser-a-preliminary-after-update"),
        Map.entry("duplicated versions", "normaliser-a-duplicate-update"),
        Map.entry("retraction of an unknown superevent", "normaliser-b-retraction-of-unknown-superevent")));
    families.forEach((family, prefix) -> assertTrue(names.stream().anyMatch(n -> n.startsWith(prefix)),
        "Expected a case for " + family + " (" + prefix + "...). Actual: none"));
    Map<Owner, Long> byOwner = CORPUS.cases().stream().collect(Collectors.groupingBy(HostileCase::owner, Collectors.counting()));
    assertEquals(Owner.values().length, byOwner.size(), "Expected cases for every owner. Actual: " + byOwner);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCase_isRejectedByItsOwner_withTheExpectedReason_inBoundedMemory(HostileCase c) {
    byte[] value = CORPUS.value(c);
    long thread = Thread.currentThread().getId();
    long before = THREADS.getThreadAllocatedBytes(thread);
    String actual = outcome(c, value);
    long allocatedMiB = (THREADS.getThreadAllocatedBytes(thread) - before) >> 20;
    assertEquals(c.expected() + (c.cause() == null ? "" : "/" + c.cause()), actual, c.description());
    assertTrue(allocatedMiB <= c.maxAllocatedMiB(), "Expected the owner to allocate at most " + c.maxAllocatedMiB()
        + " MiB reading " + c.name() + ". Actual: " + allocatedMiB + " MiB");
  }

  /** What the owning component makes of the value: its reason code (with cause), NO_OP or ACCEPTED. */
  private static String outcome(HostileCase c, byte[] value) {
    return switch (c.owner()) {
      case AVRO_CODEC -> {
        try {
          Object record = deserializer(c.topic()).deserialize(c.topic(), value);
          yield record == null ? "NO_OP" : "DECODED";
        } catch (UnreadablePayloadException e) {
          yield e.kind().name();
        }
      }
      case LVK_ALERT_READER, NORMALISER -> {
        try {
          LvkAlertReader.read(value);
          yield c.owner() == Owner.NORMALISER ? c.expected() : "READ";
        } catch (InvalidAlertException e) {
          yield e.reason().name() + (e.getCause() instanceof InvalidSkymapException s ? "/" + s.reason() : "");
        }
      }
      case CANDIDATE_SKYMAP -> {
        GwCandidate candidate = ContractSerdes.gwCandidate().deserializer().deserialize(c.topic(), value);
        try {
          GwCandidates.toSkymap(candidate.getSkymap());
          yield "READ";
        } catch (InvalidSkymapException e) {
          yield e.reason().name();
        }
      }
      case SPECTRUM_READER -> {
        try {
          JwstSpectrum spectrum = SpectrumReader.read(value, c.name() + ".csv");
          SpectrumRecords.toSpectrum(spectrum, "hostile-file", Double.NaN, null);
          yield spectrum.usable()[3] ? "READ" : "NO_OP";
        } catch (InvalidSpectrumException e) {
          yield e.reason().name();
        }
      }
      // The stream app owns these: here they must decode cleanly so that its validation sees them
      // (the dead-letter test of the topology asserts its reason).
      case STREAM_VALIDATION -> {
        assertNotNull(deserializer(c.topic()).deserialize(c.topic(), value), c.name());
        yield c.expected();
      }
    };
  }

  private static Deserializer<?> deserializer(String topic) {
    return switch (topic) {
      case AvroCases.SPECTRA -> ContractSerdes.spectrum().deserializer();
      case AvroCases.CANDIDATES -> ContractSerdes.gwCandidate().deserializer();
      default -> throw new IllegalArgumentException("Expected an Avro input topic. Actual: " + topic);
    };
  }

  @Test
  void aNoOpTombstone_decodesToNull_andAnEmptyValue_isNot() {
    assertNull(ContractSerdes.spectrum().deserializer().deserialize(AvroCases.SPECTRA, null));
    UnreadablePayloadException e = assertThrows(UnreadablePayloadException.class,
        () -> ContractSerdes.spectrum().deserializer().deserialize(AvroCases.SPECTRA, new byte[0]));
    assertEquals(UnreadablePayloadException.Kind.EMPTY, e.kind());
  }

  @Test
  void theTemplates_everyCaseMutates_areThemselvesValid() {
    assertEquals("MS991231hz", LvkAlertReader.read(Templates.bytes(Templates.alert())).supereventId());
    GwCandidate candidate = Templates.candidate();
    assertEquals(48, GwCandidates.toSkymap(candidate.getSkymap()).size());
    assertFalse(Templates.spectrum().getMask().contains(false));
    assertInstanceOf(GwCandidate.class, ContractSerdes.gwCandidate().deserializer()
        .deserialize(AvroCases.CANDIDATES, ContractSerdes.gwCandidate().serializer().serialize(AvroCases.CANDIDATES, candidate)));
  }
}
