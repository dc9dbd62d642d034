package org.leain.stream.query;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * GET requests to another instance's query endpoint, with bounded connect and response times. The
 * request carries {@link #FORWARDED_HEADER}, so the peer answers from its own state and never
 * forwards again: a query crosses at most one hop, whatever the instances believe about ownership.
 * Only GET is ever sent. Thread-safe.
 */
public final class PeerClient {
  /** Marks a request forwarded by a peer: answer locally. */
  public static final String FORWARDED_HEADER = "X-Leain-Forwarded";

  private final HttpClient client;
  private final Duration timeout;

  /** @param timeout bound on connecting and on waiting for the whole answer */
  public PeerClient(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
  }

  /** A peer's answer: status code and JSON body. */
  public record Answer(int status, String body) {}

  /**
   * GETs {@code path} (starting with /) from {@code hostPort}.
   *
   * @throws IOException when the peer cannot be reached or does not answer in time
   */
  public Answer get(String hostPort, String path) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + hostPort + path))
        .timeout(timeout)
        .header(FORWARDED_HEADER, "1")
        .GET()
        .build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking " + hostPort, e);
    }
  }
}
