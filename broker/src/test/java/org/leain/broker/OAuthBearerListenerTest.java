package org.leain.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SASL/OAUTHBEARER on the client listener, as GCN Kafka uses it: the broker validates RS256 JWTs
 * against a JWKS endpoint and an expected audience; clients get tokens from a token endpoint with
 * the client-credentials grant. Both endpoints are served here by the JDK's HTTP server, the JWTs
 * signed with the JDK's RSA: the identity provider is the only stand-in, the broker and the Kafka
 * clients are real.
 */
class OAuthBearerListenerTest {

  private static final String AUDIENCE = "leain-test";
  private static final String CLIENT_ID = "leain-client";
  private static final String CLIENT_SECRET = "client-secret-for-tests";

  private HttpServer identityProvider;
  private KeyPair signingKey;

  @BeforeEach
  void startIdentityProvider() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    signingKey = generator.generateKeyPair();
    identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    identityProvider.createContext("/jwks", exchange -> respond(exchange, 200, jwks()));
    identityProvider.createContext("/token", exchange -> issueToken(exchange, AUDIENCE));
    identityProvider.createContext("/token-for-another-audience", exchange -> issueToken(exchange, "someone-else"));
    identityProvider.start();
  }

  @AfterEach
  void stopIdentityProvider() {
    identityProvider.stop(0);
  }

  @Test
  void aTokenForTheExpectedAudience_isAccepted_andOneForAnotherAudienceIsRefused() throws Exception {
    URI jwks = endpoint("/jwks");
    URI token = endpoint("/token");
    URI otherToken = endpoint("/token-for-another-audience");
    // Kafka 4 clients refuse token endpoints not listed here (the broker JVM gets its own list).
    System.setProperty("org.apache.kafka.sasl.oauthbearer.allowed.urls", token + "," + otherToken);

    ListenerSecurity oauth = new ListenerSecurity.OAuthBearer(jwks, token, AUDIENCE, CLIENT_ID, CLIENT_SECRET, null);
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.forTests().withSecurity(oauth))) {
      assertEquals(List.of(TopicSpec.of("gcn-like", 1)), broker.createTopics(List.of(TopicSpec.of("gcn-like", 1))));

      Map<String, Object> wrongAudience = broker.clientProperties();
      wrongAudience.putAll(new ListenerSecurity.OAuthBearer(
          jwks, otherToken, AUDIENCE, CLIENT_ID, CLIENT_SECRET, null).clientProperties());
      try (Admin admin = Admin.create(wrongAudience)) {
        ExecutionException e = assertThrows(ExecutionException.class,
            () -> admin.listTopics().names().get(20, TimeUnit.SECONDS));
        assertInstanceOf(SaslAuthenticationException.class, e.getCause());
      }
    } finally {
      System.clearProperty("org.apache.kafka.sasl.oauthbearer.allowed.urls");
    }
  }

  private URI endpoint(String path) {
    return URI.create("http://127.0.0.1:" + identityProvider.getAddress().getPort() + path);
  }

  /** The client-credentials grant: HTTP basic authentication with the client id and secret. */
  private void issueToken(HttpExchange exchange, String audience) throws IOException {
    String expected = "Basic " + Base64.getEncoder().encodeToString(
        (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      respond(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    try {
      respond(exchange, 200, "{\"access_token\":\"" + jwt(audience)
          + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    } catch (GeneralSecurityException e) {
      respond(exchange, 500, "{\"error\":\"" + e + "\"}");
    }
  }

  private String jwt(String audience) throws GeneralSecurityException {
    long nowSeconds = System.currentTimeMillis() / 1000;
    String header = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"test-key\"}");
    String payload = base64Url("{\"sub\":\"" + CLIENT_ID + "\",\"aud\":\"" + audience + "\",\"iat\":" + nowSeconds
        + ",\"exp\":" + (nowSeconds + 3600) + ",\"scope\":\"kafka\"}");
    Signature signature = Signature.getInstance("SHA256withRSA");
    signature.initSign(signingKey.getPrivate());
    signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
  }

  private String jwks() {
    RSAPublicKey key = (RSAPublicKey) signingKey.getPublic();
    return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"test-key\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
        + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}";
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /** A JWK integer: unsigned big-endian bytes, without the sign byte BigInteger may add. */
  private static String base64Url(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void respond(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
