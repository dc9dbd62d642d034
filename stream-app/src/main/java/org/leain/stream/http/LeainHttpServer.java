package org.leain.stream.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.leain.stream.dlq.RecordIds;
import org.leain.stream.join.JoinTopology;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.leain.stream.query.KeyRouter;
import org.leain.stream.query.PeerClient;
import org.leain.stream.metrics.StreamMetrics;
import org.leain.stream.query.StateQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves metrics, health, readiness and queries on one port. Start with {@link #start}, stop with {@link #close}. */
public final class LeainHttpServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeainHttpServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final StreamMetrics metrics;
  private final BooleanSupplier ready;
  private final StateQueries queries;
  private final KeyRouter router;
  private final PeerClient peers;

  private LeainHttpServer(HttpServer server, StreamMetrics metrics, BooleanSupplier ready, StateQueries queries,
      KeyRouter router, PeerClient peers) {
    this.peers = peers;
    this.server = server;
    this.metrics = metrics;
    this.ready = ready;
    this.queries = queries;
    this.router = router;
  }

  /**
   * Binds {@code port} (0 = any free port) on all interfaces and starts serving.
   *
   * @param ready whether the app is ready (Kafka Streams RUNNING)
   * @param queries the live-state queries; they are only answered while ready
   * @param router where the state of a query lives: a superevent held by another instance is fetched
   *     from it, a spectrum's associations are gathered from every instance, so any replica behind a
   *     Service gives the full answer
   * @param peers the client for those GETs (its timeout bounds every forwarded query)
   */
  public static LeainHttpServer start(int port, StreamMetrics metrics, BooleanSupplier ready, StateQueries queries,
      KeyRouter router, PeerClient peers) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    LeainHttpServer http = new LeainHttpServer(server, metrics, ready, queries, router, peers);
    server.createContext("/", http::handle);
    // Enough threads that two instances querying each other at once still have threads for the
    // forwarded (local) requests; a forwarded request never waits on another instance.
    server.setExecutor(Executors.newFixedThreadPool(8, r -> {
      Thread t = new Thread(r, "leain-http");
      t.setDaemon(true);
      return t;
    }));
    server.start();
    return http;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"GET".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "GET");
        send(exchange, 405, "text/plain", "Only GET is allowed\n");
        return;
      }
      String path = exchange.getRequestURI().getPath();
      String[] parts = path.split("/", -1);
      if (path.equals("/metrics")) {
        send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.prometheusText());
      } else if (path.equals("/health")) {
        send(exchange, 200, "text/plain", "ok\n");
      } else if (path.equals("/ready")) {
        boolean isReady = ready.getAsBoolean();
        send(exchange, isReady ? 200 : 503, "text/plain", isReady ? "ready\n" : "not ready\n");
      } else if (parts.length == 3 && parts[1].equals("superevents")) {
        superevent(exchange, parts[2], forwarded(exchange));
      } else if (parts.length == 4 && parts[1].equals("spectra") && parts[3].equals("associations")) {
        spectrumAssociations(exchange, parts[2], forwarded(exchange));
      } else {
        send(exchange, 404, "text/plain", "Not found\n");
      }
    } catch (RuntimeException e) {
      LOG.warn("HTTP {} failed", exchange.getRequestURI(), e);
    }
  }

  private static boolean forwarded(HttpExchange exchange) {
    return exchange.getRequestHeaders().containsKey(PeerClient.FORWARDED_HEADER);
  }

  /**
   * A superevent's state lives with its key: answered here when this instance holds it (or the
   * request was forwarded by a peer), else fetched from the owner.
   */
  private void superevent(HttpExchange exchange, String id, boolean forwarded) throws IOException {
    if (!forwarded && RecordIds.isValid(id) && ready.getAsBoolean()) {
      KeyRouter.Route route = router.routeOf(JoinTopology.CANDIDATE_STORE, id);
      if (route instanceof KeyRouter.Route.Unavailable) {
        send(exchange, 503, "application/json", error("owner of " + id + " unknown now (rebalancing)"));
        return;
      }
      if (route instanceof KeyRouter.Route.Remote remote) {
        try {
          PeerClient.Answer answer = peers.get(remote.hostPort(), "/superevents/" + id);
          send(exchange, answer.status(), "application/json", answer.body());
        } catch (IOException e) {
          send(exchange, 503, "application/json", error("instance " + remote.hostPort() + " holding " + id
              + " is unreachable (" + e.getClass().getSimpleName() + ")"));
        }
        return;
      }
    }
    query(exchange, id, () -> queries.superevent(id).map(n -> (Object) n).orElse(null));
  }

  /**
   * A spectrum's associations are spread over the instances (the stores are keyed by superevent):
   * this instance's answer merged with every peer's local answer; 503 when a peer cannot answer,
   * since a partial list would look complete.
   */
  private void spectrumAssociations(HttpExchange exchange, String id, boolean forwarded) throws IOException {
    if (forwarded || !RecordIds.isValid(id) || !ready.getAsBoolean()) {
      query(exchange, id, () -> queries.spectrumAssociations(id));
      return;
    }
    ArrayNode merged;
    try {
      merged = queries.spectrumAssociations(id);
    } catch (RuntimeException e) {
      send(exchange, 503, "application/json", error("state not queryable now"));
      return;
    }
    for (String peer : router.peers(JoinTopology.ASSOCIATION_STORE)) {
      try {
        PeerClient.Answer answer = peers.get(peer, "/spectra/" + id + "/associations");
        if (answer.status() != 200) {
          send(exchange, 503, "application/json", error("instance " + peer + " answered " + answer.status()));
          return;
        }
        JSON.readTree(answer.body()).forEach(merged::add);
      } catch (IOException e) {
        send(exchange, 503, "application/json", error("instance " + peer + " is unreachable ("
            + e.getClass().getSimpleName() + ")"));
        return;
      }
    }
    send(exchange, 200, "application/json", JSON.writeValueAsString(merged));
  }

  private static String error(String message) throws IOException {
    return JSON.writeValueAsString(java.util.Map.of("error", message));
  }

  private void query(HttpExchange exchange, String id, java.util.function.Supplier<Object> answer) throws IOException {
    if (!RecordIds.isValid(id)) {
      send(exchange, 400, "application/json", "{\"error\":\"invalid id\"}");
      return;
    }
    if (!ready.getAsBoolean()) {
      send(exchange, 503, "application/json", "{\"error\":\"not ready\"}");
      return;
    }
    Object body;
    try {
      body = answer.get();
    } catch (RuntimeException e) {
      // InvalidStateStoreException while rebalancing: the state is momentarily not queryable.
      send(exchange, 503, "application/json", "{\"error\":\"state not queryable now\"}");
      return;
    }
    if (body == null) {
      send(exchange, 404, "application/json", "{\"error\":\"not found\"}");
    } else {
      send(exchange, 200, "application/json", JSON.writeValueAsString(body));
    }
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
