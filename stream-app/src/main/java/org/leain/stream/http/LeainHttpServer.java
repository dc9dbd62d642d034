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
import java.util.Optional;
import org.leain.stream.dlq.RecordIds;
import org.leain.stream.join.JoinTopology;
import org.leain.stream.query.KeyRouter;
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

  private LeainHttpServer(HttpServer server, StreamMetrics metrics, BooleanSupplier ready, StateQueries queries,
      KeyRouter router) {
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
   * @param router which instance holds a superevent: a query for one held elsewhere is redirected
   *     there (307), so any replica behind a Service answers
   */
  public static LeainHttpServer start(int port, StreamMetrics metrics, BooleanSupplier ready, StateQueries queries,
      KeyRouter router) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
    LeainHttpServer http = new LeainHttpServer(server, metrics, ready, queries, router);
    server.createContext("/", http::handle);
    server.setExecutor(Executors.newFixedThreadPool(2, r -> {
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
        Optional<String> owner = RecordIds.isValid(parts[2])
            ? router.ownerOf(JoinTopology.CANDIDATE_STORE, parts[2]) : Optional.empty();
        if (owner.isPresent()) {
          exchange.getResponseHeaders().set("Location", "http://" + owner.get() + path);
          send(exchange, 307, "text/plain", "Held by " + owner.get() + "\n");
          return;
        }
        query(exchange, parts[2], () -> queries.superevent(parts[2]).map(n -> (Object) n).orElse(null));
      } else if (parts.length == 4 && parts[1].equals("spectra") && parts[3].equals("associations")) {
        query(exchange, parts[2], () -> queries.spectrumAssociations(parts[2]));
      } else {
        send(exchange, 404, "text/plain", "Not found\n");
      }
    } catch (RuntimeException e) {
      LOG.warn("HTTP {} failed", exchange.getRequestURI(), e);
    }
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
