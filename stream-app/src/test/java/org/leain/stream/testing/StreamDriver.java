package org.leain.stream.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.leain.contracts.Association;
import org.leain.contracts.DcbhPosterior;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.LeainTopology;
import org.leain.stream.StreamsSettings;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.inference.InferenceEngineFactory;
import org.leain.stream.lvk.AlertDecoder;
import org.leain.stream.metrics.StreamMetrics;
import org.leain.stream.shadow.InjectionSimulation;

/** The real LEAIN topology in a TopologyTestDriver, with typed access to its topics. */
public final class StreamDriver implements AutoCloseable {
  public final LeainConfig config;
  public final StreamMetrics metrics = new StreamMetrics();
  public final TopologyTestDriver driver;
  public final TestInputTopic<byte[], byte[]> alerts;
  public final TestInputTopic<String, GwCandidate> candidatesIn;
  public final TestInputTopic<String, Spectrum> spectra;
  public final TestInputTopic<String, byte[]> rawSpectra;
  public final TestInputTopic<String, byte[]> rawCandidates;
  public final TestOutputTopic<String, GwCandidate> candidatesOut;
  public final TestOutputTopic<String, Association> associations;
  public final TestOutputTopic<String, DcbhPosterior> posteriors;
  public final TestOutputTopic<String, DeadLetter> dlq;
  private final Path stateDir;

  public StreamDriver(Map<String, String> settings, AlertDecoder decoder, InferenceEngineFactory engines) {
    this(settings, decoder, engines, InjectionSimulation.standard());
  }

  /** The topology with shadow injections (when the settings turn them on) from {@code injections}. */
  public StreamDriver(Map<String, String> settings, AlertDecoder decoder, InferenceEngineFactory engines,
      InjectionSimulation injections) {
    try {
      stateDir = Files.createTempDirectory("leain-ttd");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Map<String, String> values = new HashMap<>(settings);
    values.putIfAbsent("bootstrap.servers", "ttd:9092");
    values.putIfAbsent("state.dir", stateDir.toString());
    config = LeainConfig.fromMap(values);
    Properties props = StreamsSettings.properties(config, metrics);
    driver = new TopologyTestDriver(LeainTopology.build(config, decoder, engines, metrics, injections), props,
        Instant.parse("2026-11-23T00:00:00Z"));
    LeainConfig.TopicNames t = config.topics();
    alerts = driver.createInputTopic(t.alerts(), Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
    candidatesIn = driver.createInputTopic(t.candidates(), Serdes.String().serializer(),
        ContractSerdes.gwCandidate().serializer());
    rawCandidates = driver.createInputTopic(t.candidates(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    spectra = driver.createInputTopic(t.spectra(), Serdes.String().serializer(), ContractSerdes.spectrum().serializer());
    rawSpectra = driver.createInputTopic(t.spectra(), Serdes.String().serializer(), Serdes.ByteArray().serializer());
    candidatesOut = driver.createOutputTopic(t.candidates(), Serdes.String().deserializer(),
        ContractSerdes.gwCandidate().deserializer());
    associations = driver.createOutputTopic(t.associations(), Serdes.String().deserializer(),
        ContractSerdes.association().deserializer());
    posteriors = driver.createOutputTopic(t.posteriors(), Serdes.String().deserializer(),
        ContractSerdes.dcbhPosterior().deserializer());
    dlq = driver.createOutputTopic(t.dlq(), Serdes.String().deserializer(), ContractSerdes.deadLetter().deserializer());
  }

  /** A candidate as the simulated feed writes it (key = superevent id). */
  public void candidate(GwCandidate candidate, long timestampMs) {
    candidatesIn.pipeInput(candidate.getSupereventId(), candidate, timestampMs);
  }

  public void spectrum(Spectrum spectrum, long timestampMs) {
    spectra.pipeInput(spectrum.getSpectrumId(), spectrum, timestampMs);
  }

  /** Everything written to a topic since the last read, key -> value in order (last write wins in the map). */
  public static <V> Map<String, V> latest(TestOutputTopic<String, V> topic) {
    Map<String, V> out = new LinkedHashMap<>();
    for (KeyValue<String, V> kv : topic.readKeyValuesToList()) {
      out.put(kv.key, kv.value);
    }
    return out;
  }

  public static <V> List<TestRecord<String, V>> records(TestOutputTopic<String, V> topic) {
    return topic.readRecordsToList();
  }

  @Override
  public void close() {
    driver.close();
  }
}
