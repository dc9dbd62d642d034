package org.leain.stream;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.leain.stream.config.ConfigException;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.inference.ModelEngines;
import org.leain.stream.lvk.SkyAlertDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./leain run}: validates the configuration, creates the missing LEAIN topics, starts the
 * stream app and its HTTP port, and runs until SIGTERM (or until Kafka Streams fails for good:
 * exit code 1).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the LEAIN stream app (normaliser, sky join, inference) against a Kafka cluster until SIGTERM.")
public final class RunCommand implements Callable<Integer> {

  @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
      description = "Kafka bootstrap servers (overrides bootstrap.servers of the config file or environment).")
  String bootstrapServers;

  @Option(names = "--http-port", paramLabel = "P", description = "HTTP port for /metrics, /health, /ready and queries (default 8080; 0 = any free port).")
  Integer httpPort;

  @Option(names = "--config", paramLabel = "FILE", description = "Properties file (see LeainConfig for the settings).")
  Path configFile;

  @Option(names = "--model", paramLabel = "DIR", description = "Model directory (default model-artifacts/models/<model.name>).")
  Path modelDir;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one setting (not for secrets).")
  Map<String, String> overrides = new HashMap<>();

  @Override
  public Integer call() throws Exception {
    Map<String, String> values = new HashMap<>(overrides);
    if (bootstrapServers != null) {
      values.put("bootstrap.servers", bootstrapServers);
    }
    if (httpPort != null) {
      values.put("http.port", Integer.toString(httpPort));
    }
    if (modelDir != null) {
      values.put("model.dir", modelDir.toString());
    }
    LeainConfig config;
    try {
      config = LeainConfig.load(Optional.ofNullable(configFile), System.getenv(), values);
    } catch (ConfigException e) {
      System.err.println("leain run: " + e.getMessage());
      return 2;
    }
    config.security().oauthTokenEndpointUrl().ifPresent(RunCommand::allowTokenEndpoint);
    ModelEngines engines;
    try {
      engines = ModelEngines.factory(config.model());
    } catch (java.io.IOException | IllegalStateException e) {
      System.err.println("leain run: cannot load the model from " + config.model().dir() + ": " + e.getMessage());
      return 2;
    }
    List<String> created = LeainApp.createTopics(config);
    if (!created.isEmpty()) {
      System.err.println("leain run: created topics " + created);
    }
    LeainApp app = LeainApp.start(config, new SkyAlertDecoder(), engines);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      app.close();
      engines.close();
    }, "leain-shutdown"));
    System.err.println("leain run: HTTP on port " + app.httpPort()
        + " (/metrics /health /ready /superevents/{id} /spectra/{id}/associations)");
    app.awaitStop();
    return app.failed() ? 1 : 0;
  }

  /**
   * Kafka 4.x refuses OAuth token endpoints not listed in this JVM property; list the configured one
   * (the deliberate choice of the operator's configuration).
   */
  static void allowTokenEndpoint(String url) {
    String property = "org.apache.kafka.sasl.oauthbearer.allowed.urls";
    String current = System.getProperty(property);
    if (current == null || current.isBlank()) {
      System.setProperty(property, url);
    } else if (!List.of(current.split(",")).contains(url)) {
      System.setProperty(property, current + "," + url);
    }
  }
}
