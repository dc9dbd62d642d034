package org.leain.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.load.feed.FeedSpec;
import org.leain.load.feed.FeedSpectrum;
import org.leain.load.feed.LoadFeed;
import org.leain.stream.LeainTopology;
import org.leain.stream.StreamsSettings;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.lvk.SkyAlertDecoder;
import org.leain.stream.metrics.StreamMetrics;

/**
 * The whole corpus through the real topology (TopologyTestDriver), interleaved with valid
 * candidates and spectra: every hostile record becomes exactly one dead letter with the manifest's
 * reason code and its origin (topic, partition, offset), no-ops become none, nothing escapes as an
 * exception (the app stays up), and every valid spectrum still gets its posterior.
 */
class HostileTopologyTest {

  private static final String[] TOPICS = {"igwn.gwalert", AvroCases.CANDIDATES, AvroCases.SPECTRA};

  @Test
  void everyHostileRecord_isOneDeadLetterWithItsReasonAndOrigin_andEveryValidSpectrumStillGetsItsPosterior(
      @TempDir Path state) throws Exception {
    HostileCorpus corpus = HostileCorpus.committed();
    // TopologyTestDriver keeps the dead letters a deserialization handler returns inside a mock
    // transaction it never commits under exactly-once, so this runs at-least-once (the per-record
    // outcome is the same; exactly-once is what the broker and chaos tests exercise).
    LeainConfig config = LeainConfig.fromMap(Map.of("bootstrap.servers", "ttd:9092", "state.dir", state.toString(),
        "processing.guarantee", "at_least_once"));
    StreamMetrics metrics = new StreamMetrics();
    Properties props = StreamsSettings.properties(config, metrics);
    LoadFeed feed = new LoadFeed(new FeedSpec("hostile", 4, 100.0, 1, 0.0, 7));
    Map<String, long[]> offsets = new HashMap<>(); // topic -> next offset
    Set<String> expectedPosteriors = new HashSet<>();
    try (TopologyTestDriver driver = new TopologyTestDriver(
        LeainTopology.build(config, new SkyAlertDecoder(), FixedPosteriorEngine::new, metrics), props,
        Instant.parse("2026-11-24T00:00:00Z"))) {
      Map<String, TestInputTopic<byte[], byte[]>> inputs = new HashMap<>();
      for (String topic : TOPICS) {
        inputs.put(topic, driver.createInputTopic(topic, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer()));
        offsets.put(topic, new long[] {0});
      }
      for (GwCandidate alert : feed.alerts()) {
        pipe(inputs, offsets, AvroCases.CANDIDATES, alert.getSupereventId(),
            ContractSerdes.gwCandidate().serializer().serialize(AvroCases.CANDIDATES, alert));
      }
      TestOutputTopic<String, DeadLetter> dlq = driver.createOutputTopic("leain.dlq", Serdes.String().deserializer(),
          ContractSerdes.deadLetter().deserializer());
      int valid = 0;
      Map<String, String> mismatches = new TreeMap<>();
      List<HostileCase> cases = corpus.cases().stream().filter(c -> !c.topic().equals(SpectrumFileCases.TOPIC)).toList();
      for (HostileCase c : cases) {
        long offset = pipe(inputs, offsets, c.topic(), c.key(), corpus.value(c));
        // The driver processes synchronously: the dead letters now in the topic are this record's.
        List<String> letters = new ArrayList<>();
        for (TestRecord<String, DeadLetter> r : dlq.readRecordsToList()) {
          DeadLetter d = r.value();
          // leain.gw.candidates is also written by the normaliser, so only its topic is checked there.
          boolean originRight = d.getOriginTopic().equals(c.topic()) && d.getOriginPartition() == 0
              && (c.topic().equals(AvroCases.CANDIDATES) || d.getOriginOffset() == offset);
          letters.add(d.getReasonCode().name() + (originRight ? "" : " from " + d.getOriginTopic() + "-"
              + d.getOriginPartition() + "@" + d.getOriginOffset()));
        }
        List<String> expected = c.dlqReason() == null ? List.of() : List.of(c.dlqReason());
        if (!letters.equals(expected)) {
          mismatches.put(c.name(), "expected " + expected + ", actual " + letters + " (origin " + c.topic() + "@" + offset + ")");
        }
        if (offset % 3 == 0) {
          FeedSpectrum s = feed.spectrum(valid++);
          pipe(inputs, offsets, AvroCases.SPECTRA, s.spectrum().getSpectrumId(),
              ContractSerdes.spectrum().serializer().serialize(AvroCases.SPECTRA, s.spectrum()));
          s.expectedSupereventIds().forEach(id -> expectedPosteriors.add(id + "|" + s.spectrum().getSpectrumId()));
          assertEquals(List.of(), dlq.readRecordsToList(), "dead letters of a valid spectrum");
        }
      }
      assertEquals(Map.of(), mismatches, "cases whose dead letters differ from the manifest");
      TestOutputTopic<String, DcbhPosterior> posteriors = driver.createOutputTopic("leain.posteriors",
          Serdes.String().deserializer(), ContractSerdes.dcbhPosterior().deserializer());
      Set<String> produced = new HashSet<>();
      posteriors.readRecordsToList().forEach(r -> produced.add(r.key()));
      assertTrue(expectedPosteriors.size() >= 90, "Expected many interleaved valid spectra. Actual: " + expectedPosteriors.size());
      assertTrue(produced.containsAll(expectedPosteriors), "valid spectra without a posterior: "
          + expectedPosteriors.stream().filter(k -> !produced.contains(k)).toList());
    }
  }

  private static long pipe(Map<String, TestInputTopic<byte[], byte[]>> inputs, Map<String, long[]> offsets, String topic,
      String key, byte[] value) {
    inputs.get(topic).pipeInput(key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
    return offsets.get(topic)[0]++;
  }
}
