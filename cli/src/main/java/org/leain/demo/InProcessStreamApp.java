package org.leain.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.leain.stream.LeainApp;
import org.leain.stream.config.LeainConfig;
import org.leain.stream.inference.InferenceEngineFactory;
import org.leain.stream.inference.ModelEngines;
import org.leain.stream.lvk.SkyAlertDecoder;

/**
 * The LEAIN stream app in this JVM, configured as {@code ./leain run} would be (file-less: the
 * environment's {@code LEAIN_*} settings apply, then the demo's), with the model of the request.
 */
final class InProcessStreamApp implements StreamAppLauncher {

  /** Where the inference engines come from; the production one loads the model directory. */
  interface Engines {
    InferenceEngineFactory load(LeainConfig config) throws Exception;
  }

  private final Engines engines;

  InProcessStreamApp(Engines engines) {
    this.engines = engines;
  }

  /** With the model of the configuration ({@code model.dir}, default leain-v1). */
  static InProcessStreamApp withModel() {
    return new InProcessStreamApp(config -> ModelEngines.factory(config.model()));
  }

  @Override
  public RunningApp start(Request request) throws Exception {
    Map<String, String> values = new HashMap<>();
    values.put("bootstrap.servers", request.bootstrapServers());
    values.put("application.id", request.applicationId());
    values.put("state.dir", request.stateDir().toString());
    values.put("http.port", "0");
    if (request.modelDir() != null) {
      values.put("model.dir", request.modelDir().toString());
    }
    LeainConfig config = LeainConfig.load(Optional.empty(), System.getenv(), values);
    // The model first: a missing or corrupt model fails before anything touches Kafka.
    InferenceEngineFactory factory = engines.load(config);
    LeainApp.createTopics(config);
    LeainApp app = LeainApp.start(config, new SkyAlertDecoder(), factory);
    Runnable stop = () -> {
      app.close();
      if (factory instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          System.err.println("leain demo: closing the model: " + e);
        }
      }
    };
    if (!app.awaitRunning(request.readyTimeout())) {
      stop.run();
      throw new IllegalStateException("Expected the stream app to reach RUNNING within "
          + request.readyTimeout().toSeconds() + " s. Actual: " + app.state());
    }
    LeainConfig.TopicNames t = config.topics();
    DemoTopics topics = new DemoTopics(t.alerts(), t.candidates(), t.spectra(), t.associations(), t.posteriors(), t.dlq());
    String model = config.model().name() + " (" + config.model().dir() + "), HTTP port " + app.httpPort();
    return new RunningApp() {
      private boolean closed;

      @Override
      public DemoTopics topics() {
        return topics;
      }

      @Override
      public String modelDescription() {
        return model;
      }

      @Override
      public synchronized void close() {
        if (!closed) {
          closed = true;
          stop.run();
        }
      }
    };
  }
}
