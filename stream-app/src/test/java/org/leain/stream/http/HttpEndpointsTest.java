package org.leain.stream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leain.stream.lvk.SkyAlertDecoder;
import org.leain.stream.query.KeyRouter;
import org.leain.stream.query.PeerClient;
import org.leain.stream.query.StateQueries;
import org.leain.stream.query.StoreAccess;
import org.leain.stream.testing.Fixtures;
import org.leain.stream.testing.StreamDriver;
import org.leain.stream.testing.TestOnlyEngine;

/** The HTTP port over the live state of the real topology (real MS181101ab notice, real UNCOVER 45924 spectrum). */
class HttpEndpointsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final AtomicBoolean READY = new AtomicBoolean(true);
  /** Nothing listens on port 1: a peer that refuses connections. */
  private static final String UNREACHABLE = "127.0.0.1:1";
  private static final AtomicReference<List<String>> PEERS = new AtomicReference<>(List.of());
  private static StreamDriver stream;
  private static LeainHttpServer http;

  @BeforeAll
  static void start() throws Exception {
    stream = new StreamDriver(Map.of(), new SkyAlertDecoder(), TestOnlyEngine::new);
    stream.alerts.pipeInput(null, Fixtures.read("data/lvk/MS181101ab-preliminary.json"), 1_000L);
    stream.spectrum(Fixtures.uncover45924(194.30419921875, -17.8568950955455), 2_000L);
    stream.spectrum(Fixtures.spectrum("ELSEWHERE", 10, 10), 3_000L);
    StoreAccess stores = new StoreAccess() {
      @Override
      public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name) {
        return stream.driver.getKeyValueStore(name);
      }
    };
    KeyRouter elsewhere = new KeyRouter() {
      @Override
      public Route routeOf(String store, String key) {
        return switch (key) {
          case "MS999999zz" -> new Route.Remote(UNREACHABLE);
          case "MS888888zz" -> new Route.Unavailable();
          default -> new Route.Local();
        };
      }

      @Override
      public List<String> peers(String store) {
        return PEERS.get();
      }
    };
    http = LeainHttpServer.start(0, stream.metrics, READY::get, new StateQueries(stores), elsewhere,
        new PeerClient(Duration.ofSeconds(2)));
  }

  @AfterAll
  static void stop() {
    http.close();
    stream.close();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + path)).GET().build());
  }

  private static HttpResponse<String> send(HttpRequest request) throws Exception {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void superevent_showsLatestVersion_associationsAndPosteriorSummaries_asStrictJson() throws Exception {
    HttpResponse<String> response = get("/superevents/MS181101ab");
    assertEquals(200, response.statusCode());
    assertFalse(response.body().contains("NaN") || response.body().contains("Infinity"), "strict JSON");
    JsonNode body = JSON.readTree(response.body());
    assertEquals(1, body.get("candidate").get("version").asInt());
    assertEquals("PRELIMINARY", body.get("candidate").get("alert_type").asText());
    assertFalse(body.get("candidate").get("skymap").has("uniq"), "map columns are left out");
    JsonNode association = body.get("associations").get(0);
    assertEquals("UNCOVER-45924", association.get("spectrum_id").asText());
    assertEquals("z", association.get("posterior").get("summaries").get(0).get("name").asText());
    assertFalse(association.get("posterior").has("samples"));
    assertEquals(1, body.get("associations").size());
  }

  @Test
  void spectrumAssociations_listsThem_andAnUnassociatedSpectrumHasNone() throws Exception {
    JsonNode associated = JSON.readTree(get("/spectra/UNCOVER-45924/associations").body());
    assertEquals(1, associated.size());
    assertEquals("MS181101ab", associated.get(0).get("superevent_id").asText());
    assertEquals(0, JSON.readTree(get("/spectra/ELSEWHERE/associations").body()).size());
  }

  @Test
  void unknownSuperevent_is404_andAnInvalidId400() throws Exception {
    assertEquals(404, get("/superevents/S000000zz").statusCode());
    assertEquals(400, get("/superevents/bad%7Cid").statusCode());
    assertEquals(404, get("/nothing").statusCode());
  }

  @Test
  void supereventHeldByAnUnreachableInstance_is503JsonNamingIt() throws Exception {
    HttpResponse<String> response = get("/superevents/MS999999zz");
    assertEquals(503, response.statusCode());
    assertTrue(JSON.readTree(response.body()).get("error").asText().contains(UNREACHABLE), response.body());
  }

  @Test
  void supereventWhoseOwnerIsUnknownWhileRebalancing_is503Json() throws Exception {
    HttpResponse<String> response = get("/superevents/MS888888zz");
    assertEquals(503, response.statusCode());
    assertTrue(JSON.readTree(response.body()).get("error").asText().contains("rebalancing"), response.body());
  }

  @Test
  void aForwardedRequest_isAnsweredLocally_neverForwardedAgain() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + http.port() + "/superevents/MS999999zz"))
        .header(PeerClient.FORWARDED_HEADER, "1").GET().build());
    assertEquals(404, response.statusCode(), "answered from the local state, which does not hold it");
  }

  @Test
  void spectrumAssociations_withAnUnreachablePeer_is503Json_notAPartialList() throws Exception {
    PEERS.set(List.of(UNREACHABLE));
    try {
      HttpResponse<String> response = get("/spectra/UNCOVER-45924/associations");
      assertEquals(503, response.statusCode());
      assertTrue(JSON.readTree(response.body()).get("error").asText().contains(UNREACHABLE), response.body());
    } finally {
      PEERS.set(List.of());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"POST", "PUT", "DELETE", "PATCH"})
  void onlyGetIsAllowed(String method) throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + http.port() + "/metrics"))
        .method(method, HttpRequest.BodyPublishers.ofString("x")).build());
    assertEquals(405, response.statusCode());
    assertEquals("GET", response.headers().firstValue("Allow").orElse(""));
  }

  @Test
  void metrics_countTheWork_inPrometheusText() throws Exception {
    HttpResponse<String> response = get("/metrics");
    assertEquals(200, response.statusCode());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
    assertTrue(response.body().contains("\nleain_associations_total 1\n"), response.body());
    assertTrue(response.body().contains("\nleain_posteriors_total 1\n"));
    assertTrue(response.body().contains("\nleain_spectra_total 2\n"));
    assertTrue(response.body().contains("leain_stage_latency_seconds_count{stage=\"end_to_end\"} 1\n"));
  }

  @Test
  void health_isAlwaysUp_readinessFollowsTheStreamsState() throws Exception {
    assertEquals(200, get("/health").statusCode());
    assertEquals(200, get("/ready").statusCode());
    READY.set(false);
    try {
      assertEquals(503, get("/ready").statusCode());
      assertEquals(200, get("/health").statusCode());
      assertEquals(503, get("/superevents/MS181101ab").statusCode());
    } finally {
      READY.set(true);
    }
  }
}
