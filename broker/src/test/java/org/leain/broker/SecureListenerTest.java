package org.leain.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SASL/SCRAM-SHA-512 over TLS (SASL_SSL) on the client listener: the SCRAM user is created at
 * format time, the broker presents a self-signed certificate made here with the JDK's keytool, and
 * clients verify it (host name verification included: the certificate names 127.0.0.1).
 */
class SecureListenerTest {

  private static final String STORE_PASSWORD = "store-secret";

  @Test
  void overTls_theFormattedScramUserCanCreateTopics_andAWrongPasswordIsRefused(@TempDir Path dir) throws Exception {
    ListenerSecurity.Tls tls = selfSignedTls(dir);
    ListenerSecurity scram = new ListenerSecurity.Scram("leain", "s3cret-for-tests", tls);
    try (EmbeddedBroker broker = EmbeddedBroker.start(BrokerOptions.forTests().withSecurity(scram))) {
      assertEquals("SASL_SSL", broker.clientProperties().get("security.protocol"));
      assertEquals(List.of(TopicSpec.of("secured", 2)), broker.createTopics(List.of(TopicSpec.of("secured", 2))));

      Map<String, Object> wrong = broker.clientProperties();
      wrong.putAll(new ListenerSecurity.Scram("leain", "wrong-password", tls).clientProperties());
      try (Admin admin = Admin.create(wrong)) {
        ExecutionException e = assertThrows(ExecutionException.class,
            () -> admin.listTopics().names().get(20, TimeUnit.SECONDS));
        assertInstanceOf(SaslAuthenticationException.class, e.getCause());
      }
    }
  }

  /** A PKCS12 key store with a self-signed certificate for 127.0.0.1, and a trust store holding it. */
  private static ListenerSecurity.Tls selfSignedTls(Path dir) throws IOException, InterruptedException {
    Path keystore = dir.resolve("broker.p12");
    Path certificate = dir.resolve("broker.crt");
    Path truststore = dir.resolve("truststore.p12");
    keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype", "PKCS12", "-keystore", keystore.toString(),
        "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
        "-storepass", STORE_PASSWORD, "-file", certificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", STORE_PASSWORD);
    return new ListenerSecurity.Tls(keystore, STORE_PASSWORD, truststore, STORE_PASSWORD);
  }

  private static void keytool(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("keytool " + List.of(arguments) + " failed: " + output);
    }
  }
}
