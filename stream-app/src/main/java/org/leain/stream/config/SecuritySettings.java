package org.leain.stream.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * TLS and SASL client settings, turned into Kafka client properties by {@link #clientProperties()}.
 *
 * <p>Settings: {@code security.protocol} [PLAINTEXT | SSL | SASL_PLAINTEXT | SASL_SSL];
 * {@code ssl.truststore.location}, {@code ssl.truststore.type}, secret {@code ssl.truststore.password};
 * {@code ssl.keystore.location}, {@code ssl.keystore.type}, secret {@code ssl.keystore.password};
 * {@code sasl.mechanism} [SCRAM-SHA-256 | SCRAM-SHA-512 | OAUTHBEARER | PLAIN];
 * SCRAM/PLAIN: {@code sasl.username} and secret {@code sasl.password};
 * OAUTHBEARER (GCN Kafka): {@code sasl.oauthbearer.token.endpoint.url}, optional
 * {@code sasl.oauthbearer.scope}, and the client id and secret {@code sasl.oauthbearer.client.id},
 * {@code sasl.oauthbearer.client.secret}, both read like secrets (environment or file only).
 * Secrets come from the environment ({@code LEAIN_SASL_PASSWORD}) or a file
 * ({@code sasl.password.file}).
 */
public record SecuritySettings(
    String protocol,
    Optional<String> saslMechanism,
    Map<String, String> clientProperties,
    Optional<String> oauthTokenEndpointUrl) {

  public SecuritySettings {
    clientProperties = Map.copyOf(clientProperties);
  }

  /** Plain text, no SASL: the embedded broker. */
  public static SecuritySettings plaintext() {
    return new SecuritySettings("PLAINTEXT", Optional.empty(), Map.of(), Optional.empty());
  }

  static SecuritySettings read(Settings s) {
    String protocol = s.string("security.protocol", "PLAINTEXT").toUpperCase(java.util.Locale.ROOT);
    if (!protocol.matches("PLAINTEXT|SSL|SASL_PLAINTEXT|SASL_SSL")) {
      throw new ConfigException("security.protocol", "Expected PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL. Actual: " + protocol);
    }
    Map<String, String> props = new TreeMap<>();
    props.put("security.protocol", protocol);
    for (String store : new String[] {"truststore", "keystore"}) {
      String prefix = "ssl." + store + ".";
      s.optional(prefix + "location").ifPresent(v -> props.put(prefix + "location", v));
      s.optional(prefix + "type").ifPresent(v -> props.put(prefix + "type", v));
      s.secret(prefix + "password").ifPresent(v -> props.put(prefix + "password", v));
    }
    Optional<String> mechanism = s.optional("sasl.mechanism").map(m -> m.toUpperCase(java.util.Locale.ROOT));
    Optional<String> endpoint = Optional.empty();
    boolean sasl = protocol.startsWith("SASL");
    if (sasl != mechanism.isPresent()) {
      throw new ConfigException("sasl.mechanism", "Expected a mechanism exactly when security.protocol is SASL_*. Actual: "
          + mechanism.orElse("none") + " with " + protocol);
    }
    if (mechanism.isPresent()) {
      String m = mechanism.get();
      props.put("sasl.mechanism", m);
      switch (m) {
        case "SCRAM-SHA-256", "SCRAM-SHA-512", "PLAIN" -> {
          String user = s.required("sasl.username");
          String password = s.secret("sasl.password").orElseThrow(() -> new ConfigException("sasl.password",
              "Expected a password in " + LeainConfig.environmentName("sasl.password") + " or sasl.password.file. Actual: none"));
          String module = m.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
              : "org.apache.kafka.common.security.scram.ScramLoginModule";
          props.put("sasl.jaas.config", module + " required username=" + quoted(user) + " password=" + quoted(password) + ";");
        }
        case "OAUTHBEARER" -> {
          String url = s.required("sasl.oauthbearer.token.endpoint.url");
          String clientId = s.secret("sasl.oauthbearer.client.id").orElseThrow(() -> new ConfigException(
              "sasl.oauthbearer.client.id", "Expected a client id in "
              + LeainConfig.environmentName("sasl.oauthbearer.client.id") + " or sasl.oauthbearer.client.id.file. Actual: none"));
          String secret = s.secret("sasl.oauthbearer.client.secret").orElseThrow(() -> new ConfigException(
              "sasl.oauthbearer.client.secret", "Expected a client secret in "
              + LeainConfig.environmentName("sasl.oauthbearer.client.secret") + " or sasl.oauthbearer.client.secret.file. Actual: none"));
          Optional<String> scope = s.optional("sasl.oauthbearer.scope");
          props.put("sasl.oauthbearer.token.endpoint.url", url);
          props.put("sasl.login.callback.handler.class",
              "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
          props.put("sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required clientId="
              + quoted(clientId) + " clientSecret=" + quoted(secret) + scope.map(v -> " scope=" + quoted(v)).orElse("") + ";");
          endpoint = Optional.of(url);
        }
        default -> throw new ConfigException("sasl.mechanism",
            "Expected SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER or PLAIN. Actual: " + m);
      }
    }
    return new SecuritySettings(protocol, mechanism, props, endpoint);
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Redacted view for logs: secret-bearing values replaced. */
  @Override
  public String toString() {
    return "SecuritySettings[protocol=" + protocol + ", saslMechanism=" + saslMechanism.orElse("none") + "]";
  }
}
