package org.leain.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leain.broker.BrokerOptions;
import org.leain.broker.EmbeddedBroker;
import org.leain.broker.ListenerSecurity;
import org.leain.stream.LeainApp;
import org.leain.stream.config.ConfigException;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.lvk.SkyAlertDecoder;

/**
 * The stream app against a broker that accepts only SCRAM-SHA-512 over TLS: it connects and runs
 * with the right credentials (secrets read from files, never settings), refuses quickly with a
 * message naming the cause when the password is wrong, never prints or exposes a secret, and its
 * HTTP port accepts no write method. In-process (LeainApp) because {@code leain run} needs model
 * weights the repository does not carry yet; the configuration path is the one {@code run} uses.
 */
class AppSecurityTest {

  private static final String USER = "leain-app";
  private static final String PASSWORD = "Scram-Secret-7f3a9c";
  private static final String STORE_PASSWORD = "Store-Secret-41d2e8";
  private static final String WRONG_PASSWORD = "Wrong-Secret-0b5e77";

  @TempDir
  static Path dir;
  private static EmbeddedBroker broker;
  private static Path truststore;

  @BeforeAll
  static void startSecureBroker() throws Exception {
    Path keystore = dir.resolve("broker.p12");
    truststore = dir.resolve("truststore.p12");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(), "-storepass",
        STORE_PASSWORD, "-file", dir.resolve("broker.crt").toString());
    keytool("-importcert", "-noprompt", "-alias", "broker", "-file", dir.resolve("broker.crt").toString(),
        "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);
    ListenerSecurity.Tls tls = new ListenerSecurity.Tls(keystore, STORE_PASSWORD, truststore, STORE_PASSWORD);
    broker = EmbeddedBroker.start(BrokerOptions.forTests().withSecurity(new ListenerSecurity.Scram(USER, PASSWORD, tls)));
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private static LeainConfig config(String password, String appId) throws IOException {
    Path passwordFile = Files.writeString(dir.resolve(appId + ".password"), password);
    Path storePasswordFile = Files.writeString(dir.resolve(appId + ".store-password"), STORE_PASSWORD);
    Map<String, String> values = new HashMap<>();
    values.put("bootstrap.servers", broker.bootstrapServers());
    values.put("application.id", appId);
    values.put("state.dir", dir.resolve(appId + "-state").toString());
    values.put("http.port", "0");
    values.put("security.protocol", "SASL_SSL");
    values.put("sasl.mechanism", "SCRAM-SHA-512");
    values.put("sasl.username", USER);
    values.put("sasl.password.file", passwordFile.toString());
    values.put("ssl.truststore.location", truststore.toString());
    values.put("ssl.truststore.type", "PKCS12");
    values.put("ssl.truststore.password.file", storePasswordFile.toString());
    return LeainConfig.load(Optional.empty(), Map.of(), values);
  }

  @Test
  void withScramOverTls_theAppRuns_neverShowsASecret_andItsHttpPortRefusesWrites() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    PrintStream tee = new PrintStream(captured, true, StandardCharsets.UTF_8);
    System.setOut(tee);
    System.setErr(tee);
    String metrics;
    List<Integer> writeStatuses = new ArrayList<>();
    try {
      LeainConfig config = config(PASSWORD, "leain-secure");
      LeainApp.createTopics(config);
      try (LeainApp app = LeainApp.start(config, new SkyAlertDecoder(), FixedPosteriorEngine::new)) {
        assertTrue(app.awaitRunning(Duration.ofSeconds(90)), "Expected the app to reach RUNNING over SASL_SSL");
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + app.httpPort();
        metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET().build(),
            HttpResponse.BodyHandlers.ofString()).body();
        for (String path : List.of("/metrics", "/health", "/ready", "/superevents/MS1", "/spectra/x/associations")) {
          for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}")).build();
            writeStatuses.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
          }
        }
      }
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    assertTrue(metrics.contains("leain_"), "Expected Prometheus metrics. Actual: " + metrics.substring(0, Math.min(200, metrics.length())));
    assertEquals(List.of(405), writeStatuses.stream().distinct().toList(), "statuses of POST/PUT/DELETE/PATCH");
    for (String secret : List.of(PASSWORD, STORE_PASSWORD)) {
      assertFalse(output.contains(secret), "a secret appeared in the app's output");
      assertFalse(metrics.contains(secret), "a secret appeared in /metrics");
    }
    assertTrue(output.length() > 1000, "Expected the app's log to be captured. Actual: " + output.length() + " chars");
  }

  @Test
  void aWrongPassword_failsWithinSeconds_namingAuthentication_withoutShowingIt() throws Exception {
    LeainConfig config = config(WRONG_PASSWORD, "leain-wrong");
    long start = System.nanoTime();
    Exception e = assertTimeoutPreemptively(Duration.ofSeconds(30),
        () -> assertThrows(Exception.class, () -> LeainApp.createTopics(config)));
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    StringBuilder chain = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      chain.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
    }
    String text = chain.toString();
    assertTrue(text.contains("Authentication failed") || text.contains("SaslAuthenticationException"),
        "Expected the cause named. Actual: " + text);
    assertFalse(text.contains(WRONG_PASSWORD) || text.contains(STORE_PASSWORD), "a secret in the error: " + text);
    assertTrue(seconds < 30, "took " + seconds + " s");
  }

  @Test
  void aSecretGivenAsAPlainSetting_isRefused_withAMessageThatDoesNotRepeatIt() {
    Map<String, String> values = new HashMap<>();
    values.put("bootstrap.servers", "127.0.0.1:9");
    values.put("security.protocol", "SASL_SSL");
    values.put("sasl.mechanism", "SCRAM-SHA-512");
    values.put("sasl.username", USER);
    values.put("sasl.password", PASSWORD);
    ConfigException e = assertThrows(ConfigException.class, () -> LeainConfig.load(Optional.empty(), Map.of(), values));
    assertTrue(e.getMessage().contains("sasl.password"), "Expected the setting named. Actual: " + e.getMessage());
    assertFalse(e.getMessage().contains(PASSWORD), "the secret repeated in: " + e.getMessage());
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + List.of(arguments) + " failed: " + out);
    }
  }
}
