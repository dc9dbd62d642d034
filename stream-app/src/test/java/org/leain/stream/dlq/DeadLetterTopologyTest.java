package org.leain.stream.dlq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leain.contracts.AlertType;
import org.leain.contracts.DeadLetter;
import org.leain.contracts.DeadLetterReason;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.lvk.SkyAlertDecoder;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;
import org.leain.stream.testing.TestOnlyEngine;

/**
 * Every class of bad input becomes a dead letter with its reason and origin, and the stream carries
 * on: a good pair sent after it is still associated.
 */
class DeadLetterTopologyTest {
  private static final long T0 = 1_800_000_000_000L;
  private static final MultiOrderSkymap MAP = Fixtures.gaussianMap(150, 20, 2, 6);
  private static final ObjectMapper JSON = new ObjectMapper();

  private StreamDriver stream;

  @AfterEach
  void close() {
    if (stream != null) {
      stream.close();
    }
  }

  private static byte[] preliminaryWith(Consumer<ObjectNode> change) {
    try {
      ObjectNode alert = (ObjectNode) JSON.readTree(Fixtures.read("data/lvk/MS181101ab-preliminary.json"));
      change.accept(alert);
      return JSON.writeValueAsBytes(alert);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static byte[] spectrumBytes(Spectrum s) {
    return ContractSerdes.spectrum().serializer().serialize("t", s);
  }

  static Stream<Arguments> badInputs() {
    Spectrum decreasing = Fixtures.spectrum("DECREASING", 150, 20);
    List<Double> wave = new ArrayList<>(decreasing.getWavelengthUm());
    java.util.Collections.reverse(wave);
    decreasing.setWavelengthUm(wave);
    MultiOrderSkymap unnormalised = MultiOrderSkymap.newBuilder(MAP)
        .setProbdensityPerSr(MAP.getProbdensityPerSr().stream().map(d -> d * 2).toList()).build();
    byte[] unknownFingerprint = spectrumBytes(Fixtures.spectrum("X", 1, 1));
    for (int i = 2; i < 10; i++) {
      unknownFingerprint[i] ^= 0x5a;
    }
    return Stream.of(
        Arguments.of("alert: not an LVK notice", "igwn.gwalert", DeadLetterReason.UNREADABLE_PAYLOAD,
            (Consumer<StreamDriver>) d -> d.alerts.pipeInput(null, "{not json".getBytes(StandardCharsets.UTF_8), T0)),
        Arguments.of("alert: invalid superevent id", "igwn.gwalert", DeadLetterReason.INVALID_ID,
            (Consumer<StreamDriver>) d -> d.alerts.pipeInput(null,
                preliminaryWith(a -> a.put("superevent_id", "MS18 11|01ab")), T0)),
        Arguments.of("alert: skymap not FITS", "igwn.gwalert", DeadLetterReason.INVALID_SKYMAP,
            (Consumer<StreamDriver>) d -> d.alerts.pipeInput(null, preliminaryWith(a -> ((ObjectNode) a.get("event"))
                .put("skymap", Base64.getEncoder().encodeToString("SIMPLE = nonsense".getBytes(StandardCharsets.US_ASCII)))),
                T0)),
        Arguments.of("spectrum: unreadable bytes", "leain.jwst.spectra", DeadLetterReason.UNREADABLE_PAYLOAD,
            (Consumer<StreamDriver>) d -> d.rawSpectra.pipeInput("S1", "hello".getBytes(StandardCharsets.UTF_8), T0)),
        Arguments.of("spectrum: unknown schema fingerprint", "leain.jwst.spectra", DeadLetterReason.UNKNOWN_SCHEMA,
            (Consumer<StreamDriver>) d -> d.rawSpectra.pipeInput("X", unknownFingerprint, T0)),
        Arguments.of("spectrum: invalid id", "leain.jwst.spectra", DeadLetterReason.INVALID_ID,
            (Consumer<StreamDriver>) d -> d.spectra.pipeInput(null, Fixtures.spectrum("bad id!", 150, 20), T0)),
        Arguments.of("spectrum: wavelengths decreasing", "leain.jwst.spectra", DeadLetterReason.INVALID_SPECTRUM,
            (Consumer<StreamDriver>) d -> d.spectrum(decreasing, T0)),
        Arguments.of("candidate: skymap not normalised", "leain.gw.candidates", DeadLetterReason.INVALID_SKYMAP,
            (Consumer<StreamDriver>) d -> d.candidate(Fixtures.candidate("MS2", AlertType.PRELIMINARY, 1, T0,
                unnormalised), T0)),
        Arguments.of("candidate: unreadable bytes", "leain.gw.candidates", DeadLetterReason.UNREADABLE_PAYLOAD,
            (Consumer<StreamDriver>) d -> d.rawCandidates.pipeInput("MS3", new byte[] {(byte) 0xc3, 0x01, 1, 2}, T0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void badInput_isADeadLetterWithReasonAndOrigin_andTheStreamCarriesOn(String name, String originTopic,
      DeadLetterReason reason, Consumer<StreamDriver> send) {
    // TopologyTestDriver drops the dead letters a deserialization handler returns under exactly-once
    // (they stay in a mock transaction it never commits), so those cases run at-least-once here; the
    // broker integration test covers them under exactly-once.
    boolean viaDeserializer = name.contains("unreadable bytes") && !name.startsWith("alert")
        || name.contains("fingerprint");
    stream = new StreamDriver(Map.of("dlq.max.raw.bytes", "1024",
        "processing.guarantee", viaDeserializer ? "at_least_once" : "exactly_once_v2"),
        new SkyAlertDecoder(), TestOnlyEngine::new);
    stream.candidate(Fixtures.candidate("MS1", AlertType.PRELIMINARY, 1, T0, MAP), T0);
    send.accept(stream);
    // Under exactly-once the dead letter commits with the next processed record (in the driver as on a
    // broker), so the good record goes first and the checks follow.
    stream.spectrum(Fixtures.spectrum("GOOD", 150, 20), T0 + 1);

    List<TestRecord<String, DeadLetter>> letters = stream.dlq.readRecordsToList();
    assertEquals(1, letters.size(), "one dead letter");
    DeadLetter letter = letters.get(0).value();
    assertEquals(reason, letter.getReasonCode(), letter.getReason());
    assertEquals(originTopic, letter.getOriginTopic());
    assertEquals(0, letter.getOriginPartition());
    assertTrue(letter.getOriginOffset() >= 0);
    assertFalse(letter.getReason().isBlank());
    assertTrue(letter.getRawBytes().remaining() <= 1024);
    assertEquals(letter.getRawSizeBytes() > 1024, letter.getTruncated());
    assertTrue(StreamDriver.latest(stream.associations).containsKey("MS1|GOOD"), "the stream carried on");
    assertEquals(1, StreamDriver.latest(stream.posteriors).size());
  }

  @org.junit.jupiter.api.Test
  void modelFailure_isADeadLetter_notACrashLoop() {
    stream = new StreamDriver(Map.of(), new SkyAlertDecoder(), TestOnlyEngine::new);
    stream.candidate(Fixtures.candidate("MS1", AlertType.PRELIMINARY, 1, T0, MAP), T0);
    stream.spectrum(Fixtures.spectrum("POISON-1", 150, 20), T0 + 1);
    stream.spectrum(Fixtures.spectrum("GOOD", 150.2, 20), T0 + 2);
    List<DeadLetter> letters = stream.dlq.readValuesToList();
    assertEquals(1, letters.size());
    assertEquals(DeadLetterReason.MODEL_FAILURE, letters.get(0).getReasonCode());
    assertTrue(letters.get(0).getReason().contains("MS1|POISON-1"), letters.get(0).getReason());
    assertEquals(List.of("MS1|GOOD"), List.copyOf(StreamDriver.latest(stream.posteriors).keySet()));
  }

  @org.junit.jupiter.api.Test
  void aGwCandidateKeyedByAnotherId_isInvalid() {
    stream = new StreamDriver(Map.of(), new SkyAlertDecoder(), TestOnlyEngine::new);
    GwCandidate c = Fixtures.candidate("MS1", AlertType.PRELIMINARY, 1, T0, MAP);
    stream.candidatesIn.pipeInput("MS9", c, T0);
    stream.spectrum(Fixtures.spectrum("GOOD", 150, 20), T0 + 1);
    assertEquals(DeadLetterReason.INVALID_RECORD, stream.dlq.readValue().getReasonCode());
  }
}
