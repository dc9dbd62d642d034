package org.leain.broker;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How clients authenticate to the broker's client listener.
 *
 * <p>Each variant renders three things: the broker-side properties of the client listener, the
 * client-side properties a producer, consumer or admin needs to connect, and any extra arguments
 * for {@code kafka-storage format} (SCRAM credentials are written into the metadata log at format
 * time, so the first client can log in without a bootstrap user). The broker's own internal and
 * controller listeners stay PLAINTEXT on the loopback interface whatever is chosen here: a one-node
 * broker talks only to itself over them.
 *
 * <p>Tested against a real broker: {@link Plaintext}; {@link Scram} over {@link Tls} (SASL_SSL, which
 * covers the TLS properties of both sides); {@link OAuthBearer} without TLS, against a JWKS and token
 * endpoint served by the test.
 */
public sealed interface ListenerSecurity
    permits ListenerSecurity.Plaintext, ListenerSecurity.Tls, ListenerSecurity.Scram,
        ListenerSecurity.OAuthBearer {

  /** The Kafka security protocol of the client listener (PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL). */
  String protocol();

  /**
   * Broker properties for the client listener.
   *
   * @param listenerPrefix the per-listener prefix, e.g. {@code listener.name.client.}
   */
  Map<String, String> brokerProperties(String listenerPrefix);

  /** Properties a client needs besides {@code bootstrap.servers}. */
  Map<String, Object> clientProperties();

  /** Extra arguments for {@code kafka-storage format}. */
  default List<String> formatArguments() {
    return List.of();
  }

  /** Extra system properties for the broker JVM, as {@code -Dkey=value} options. */
  default List<String> jvmOptions() {
    return List.of();
  }

  /** No encryption, no authentication: the embedded default for the demo and tests. */
  static ListenerSecurity plaintext() {
    return new Plaintext();
  }

  /** No encryption, no authentication. */
  record Plaintext() implements ListenerSecurity {
    @Override
    public String protocol() {
      return "PLAINTEXT";
    }

    @Override
    public Map<String, String> brokerProperties(String listenerPrefix) {
      return Map.of();
    }

    @Override
    public Map<String, Object> clientProperties() {
      return Map.of();
    }
  }

  /**
   * TLS on the client listener. The broker presents {@code keystore} (PKCS12); clients trust
   * {@code truststore} (PKCS12). Passwords are held in memory and written to the broker's
   * server.properties in its data directory, as Kafka requires.
   */
  record Tls(Path keystore, String keystorePassword, Path truststore, String truststorePassword)
      implements ListenerSecurity {
    public Tls {
      Objects.requireNonNull(keystore, "Expected a keystore path. Actual: null");
      Objects.requireNonNull(keystorePassword, "Expected a keystore password. Actual: null");
      Objects.requireNonNull(truststore, "Expected a truststore path. Actual: null");
      Objects.requireNonNull(truststorePassword, "Expected a truststore password. Actual: null");
    }

    @Override
    public String protocol() {
      return "SSL";
    }

    @Override
    public Map<String, String> brokerProperties(String listenerPrefix) {
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put(listenerPrefix + "ssl.keystore.type", "PKCS12");
      properties.put(listenerPrefix + "ssl.keystore.location", keystore.toAbsolutePath().toString());
      properties.put(listenerPrefix + "ssl.keystore.password", keystorePassword);
      properties.put(listenerPrefix + "ssl.key.password", keystorePassword);
      return properties;
    }

    @Override
    public Map<String, Object> clientProperties() {
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("security.protocol", "SSL");
      properties.put("ssl.truststore.type", "PKCS12");
      properties.put("ssl.truststore.location", truststore.toAbsolutePath().toString());
      properties.put("ssl.truststore.password", truststorePassword);
      return properties;
    }
  }

  /**
   * SASL/SCRAM-SHA-512 with one user created at format time, optionally over TLS ({@code tls} may
   * be null for SASL_PLAINTEXT).
   */
  record Scram(String username, String password, Tls tls) implements ListenerSecurity {
    public Scram {
      if (username == null || !username.matches("[A-Za-z0-9._-]{1,64}")) {
        throw new IllegalArgumentException(
            "Expected a SCRAM user name of 1-64 characters [A-Za-z0-9._-]. Actual: " + username);
      }
      if (password == null || password.isEmpty() || password.contains("\"") || password.contains("]")) {
        throw new IllegalArgumentException(
            "Expected a non-empty SCRAM password without '\"' or ']'. Actual: "
                + (password == null ? "null" : "a password containing a forbidden character"));
      }
    }

    @Override
    public String protocol() {
      return tls == null ? "SASL_PLAINTEXT" : "SASL_SSL";
    }

    @Override
    public Map<String, String> brokerProperties(String listenerPrefix) {
      Map<String, String> properties = new LinkedHashMap<>();
      if (tls != null) {
        properties.putAll(tls.brokerProperties(listenerPrefix));
      }
      properties.put(listenerPrefix + "sasl.enabled.mechanisms", "SCRAM-SHA-512");
      properties.put(
          listenerPrefix + "scram-sha-512.sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required;");
      return properties;
    }

    @Override
    public Map<String, Object> clientProperties() {
      Map<String, Object> properties = new LinkedHashMap<>();
      if (tls != null) {
        properties.putAll(tls.clientProperties());
      }
      properties.put("security.protocol", protocol());
      properties.put("sasl.mechanism", "SCRAM-SHA-512");
      properties.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
              + username + "\" password=\"" + password + "\";");
      return properties;
    }

    @Override
    public List<String> formatArguments() {
      return List.of("--add-scram", "SCRAM-SHA-512=[name=" + username + ",password=" + password + "]");
    }
  }

  /**
   * SASL/OAUTHBEARER (OIDC client credentials, as GCN Kafka uses): the broker validates JWTs
   * against {@code jwksUrl}; clients fetch tokens from {@code tokenEndpointUrl} with
   * {@code clientId}/{@code clientSecret}. Kafka 4.x refuses URLs not listed in the system property
   * {@code org.apache.kafka.sasl.oauthbearer.allowed.urls}: the broker JVM gets it from
   * {@link #jvmOptions()}; a client JVM must set it itself. {@code tls} may be null.
   */
  record OAuthBearer(
      URI jwksUrl, URI tokenEndpointUrl, String expectedAudience, String clientId,
      String clientSecret, Tls tls) implements ListenerSecurity {
    public OAuthBearer {
      Objects.requireNonNull(jwksUrl, "Expected a JWKS endpoint URL. Actual: null");
      Objects.requireNonNull(tokenEndpointUrl, "Expected a token endpoint URL. Actual: null");
      Objects.requireNonNull(expectedAudience, "Expected an audience. Actual: null");
      Objects.requireNonNull(clientId, "Expected a client id. Actual: null");
      Objects.requireNonNull(clientSecret, "Expected a client secret. Actual: null");
    }

    @Override
    public String protocol() {
      return tls == null ? "SASL_PLAINTEXT" : "SASL_SSL";
    }

    @Override
    public Map<String, String> brokerProperties(String listenerPrefix) {
      Map<String, String> properties = new LinkedHashMap<>();
      if (tls != null) {
        properties.putAll(tls.brokerProperties(listenerPrefix));
      }
      properties.put(listenerPrefix + "sasl.enabled.mechanisms", "OAUTHBEARER");
      properties.put(
          listenerPrefix + "oauthbearer.sasl.server.callback.handler.class",
          "org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler");
      properties.put(
          listenerPrefix + "oauthbearer.sasl.jaas.config",
          "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;");
      properties.put(listenerPrefix + "oauthbearer.sasl.oauthbearer.jwks.endpoint.url", jwksUrl.toString());
      properties.put(listenerPrefix + "oauthbearer.sasl.oauthbearer.expected.audience", expectedAudience);
      return properties;
    }

    @Override
    public Map<String, Object> clientProperties() {
      Map<String, Object> properties = new LinkedHashMap<>();
      if (tls != null) {
        properties.putAll(tls.clientProperties());
      }
      properties.put("security.protocol", protocol());
      properties.put("sasl.mechanism", "OAUTHBEARER");
      properties.put(
          "sasl.login.callback.handler.class",
          "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
      properties.put("sasl.oauthbearer.token.endpoint.url", tokenEndpointUrl.toString());
      properties.put(
          "sasl.jaas.config",
          "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId=\""
              + clientId + "\" clientSecret=\"" + clientSecret + "\";");
      return properties;
    }

    @Override
    public List<String> jvmOptions() {
      return List.of("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + jwksUrl + "," + tokenEndpointUrl);
    }
  }
}
