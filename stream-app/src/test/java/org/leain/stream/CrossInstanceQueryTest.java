package org.leain.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;
import org.leain.contracts.AlertType;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.Spectrum;
import org.leain.contracts.kafka.ContractSerdes;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.lvk.SkyAlertDecoder;
import org.leain.stream.query.PeerClient;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.TestOnlyEngine;

/**
 * Two app instances of one application against a real broker, each with its
 * {@code application.server}: a superevent and a spectrum association held by instance B are
 * answered in full through instance A's HTTP port.
 */
class CrossInstanceQueryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final int EVENTS = 12;

  @Test
  void anAssociationHeldByInstanceB_isAnsweredThroughInstanceA() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.forTests())) {
      int portA = freePort();
      int portB = freePort();
      LeainConfig a = config(broker, portA);
      LeainConfig b = config(broker, portB);
      LeainApp.createTopics(a);
      try (LeainApp appA = LeainApp.start(a, new SkyAlertDecoder(), TestOnlyEngine::new);
          LeainApp appB = LeainApp.start(b, new SkyAlertDecoder(), TestOnlyEngine::new)) {
        assertTrue(appA.awaitRunning(Duration.ofSeconds(90)) && appB.awaitRunning(Duration.ofSeconds(90)));
        feed(a);
        String onB = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (onB == null && System.nanoTime() < deadline) {
          for (int i = 0; i < EVENTS && onB == null; i++) {
            String id = "MS" + (100 + i);
            if (get(portB, "/superevents/" + id, true).statusCode() == 200
                && get(portA, "/superevents/" + id, true).statusCode() == 404
                && associationsIn(get(portB, "/superevents/" + id, true)) == 1) {
              onB = id;
            }
          }
          Thread.sleep(500);
        }
        assertTrue(onB != null, "a superevent with its association held by instance B only");
        String spectrumId = "JW-" + onB.substring(2);

        HttpResponse<String> superevent = get(portA, "/superevents/" + onB, false);
        assertEquals(200, superevent.statusCode(), superevent.body());
        assertEquals(1, associationsIn(superevent));

        HttpResponse<String> local = get(portA, "/spectra/" + spectrumId + "/associations", true);
        assertEquals(0, JSON.readTree(local.body()).size(), "A alone does not hold it");
        HttpResponse<String> merged = get(portA, "/spectra/" + spectrumId + "/associations", false);
        assertEquals(200, merged.statusCode(), merged.body());
        JsonNode list = JSON.readTree(merged.body());
        assertEquals(1, list.size(), merged.body());
        assertEquals(onB, list.get(0).get("superevent_id").asText());
      }
    }
  }

  private static LeainConfig config(EmbeddedBroker broker, int httpPort) throws Exception {
    return LeainConfig.fromMap(Map.of("bootstrap.servers", broker.bootstrapServers(), "http.port",
        Integer.toString(httpPort), "application.id", "leain-two-instances",
        "state.dir", Files.createTempDirectory("leain-it-" + httpPort).toString(),
        "kafka.application.server", "localhost:" + httpPort));
  }

  /** One superevent per sky region, each with one spectrum inside it. */
  private static void feed(LeainConfig config) throws Exception {
    Map<String, Object> props = new HashMap<>(LeainApp.clientProperties(config));
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
    long now = System.currentTimeMillis();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (int i = 0; i < EVENTS; i++) {
        double ra = 15 + 25 * i;
        double dec = -30 + 5 * i;
        GwCandidate candidate = Fixtures.candidate("MS" + (100 + i), AlertType.PRELIMINARY, 1, now,
            Fixtures.gaussianMap(ra, dec, 2, 6));
        Spectrum spectrum = Fixtures.spectrum("JW-" + (100 + i), ra + 0.1, dec + 0.1);
        producer.send(new ProducerRecord<>(config.topics().candidates(), candidate.getSupereventId(),
            ContractSerdes.gwCandidate().serializer().serialize("c", candidate))).get();
        producer.send(new ProducerRecord<>(config.topics().spectra(), spectrum.getSpectrumId(),
            ContractSerdes.spectrum().serializer().serialize("s", spectrum))).get();
      }
    }
  }

  private static int associationsIn(HttpResponse<String> superevent) throws Exception {
    return superevent.statusCode() == 200 ? JSON.readTree(superevent.body()).get("associations").size() : 0;
  }

  /** GET; {@code localOnly} marks it as forwarded, so the instance answers from its own state. */
  private static HttpResponse<String> get(int port, String path, boolean localOnly) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(15)).GET();
    if (localOnly) {
      request.header(PeerClient.FORWARDED_HEADER, "1");
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
