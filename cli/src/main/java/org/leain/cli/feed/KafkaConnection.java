package org.leain.cli.feed;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * The connection options shared by the feed commands: bootstrap servers and, for secured clusters,
 * a Kafka client properties file (TLS, SASL; secrets belong in that file or the environment, never
 * on the command line).
 */
public final class KafkaConnection {

  @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers.")
  String bootstrapServers;

  @Option(names = "--client-config", paramLabel = "FILE",
      description = "Kafka client properties (security.protocol, sasl.*, ssl.*), as for kafka-console-producer.")
  Path clientConfig;

  /** {@code bootstrap.servers} plus the properties of the client config file, if any. */
  public Map<String, Object> clientProperties() {
    Map<String, Object> properties = new HashMap<>();
    if (clientConfig != null) {
      Properties file = new Properties();
      try (Reader reader = Files.newBufferedReader(clientConfig, StandardCharsets.UTF_8)) {
        file.load(reader);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "Expected a readable Kafka client properties file. Actual: " + clientConfig + " (" + e.getMessage() + ")");
      }
      file.stringPropertyNames().forEach(name -> properties.put(name, file.getProperty(name)));
    }
    properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return properties;
  }
}
