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
 * The LEAIN stream app in this JVM, configured as {@code ./leain run} would be (no file: the
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
  public Prepared prepare(Request request) throws Exception {
    Map<String, String> values = new HashMap<>();
    // The cluster is not known yet (the embedded broker starts meanwhile): start() sets it.
    values.put("bootstrap.servers", "127.0.0.1:9092");
    values.put("application.id", request.applicationId());
    values.put("state.dir", request.stateDir().toString());
    values.put("http.port", "0");
    if (request.modelDir() != null) {
      values.put("model.dir", request.modelDir().toString());
    }
    LeainConfig config = LeainConfig.load(Optional.empty(), System.getenv(), values);
    InferenceEngineFactory factory = engines.load(config);
    LeainConfig.TopicNames t = config.topics();
    DemoTopics topics = new DemoTopics(t.alerts(), t.candidates(), t.spectra(), t.associations(), t.posteriors(), t.dlq());
    return new PreparedApp(config, factory, topics, request);
  }

  private static final class PreparedApp implements Prepared {
    private LeainConfig config;
    private final InferenceEngineFactory factory;
    private final DemoTopics topics;
    private final Request request;
    private LeainApp app;
    private boolean closed;

    PreparedApp(LeainConfig config, InferenceEngineFactory factory, DemoTopics topics, Request request) {
      this.config = config;
      this.factory = factory;
      this.topics = topics;
      this.request = request;
    }

    @Override
    public DemoTopics topics() {
      return topics;
    }

    @Override
    public String modelDescription() {
      return config.model().name() + " from " + config.model().dir();
    }

    @Override
    public RunningApp start(String bootstrapServers) throws Exception {
      LeainApp started;
      synchronized (this) {
        if (closed) {
          throw new IllegalStateException("Expected an open app to start. Actual: closed (shutting down)");
        }
        config = config.withEndpoints(bootstrapServers, config.httpPort());
        LeainApp.createTopics(config);
        app = LeainApp.start(config, new SkyAlertDecoder(), factory);
        started = app;
      }
      // Waiting holds no lock, so a shutdown hook can close the app meanwhile.
      if (!started.awaitRunning(request.readyTimeout())) {
        String state = String.valueOf(started.state());
        close();
        throw new IllegalStateException("Expected the stream app to reach RUNNING within "
            + request.readyTimeout().toSeconds() + " s. Actual: " + state);
      }
      int port = started.httpPort();
      return new RunningApp() {
        @Override
        public int httpPort() {
          return port;
        }

        @Override
        public void close() {
          PreparedApp.this.close();
        }
      };
    }

    @Override
    public void close() {
      LeainApp toClose;
      synchronized (this) {
        if (closed) {
          return;
        }
        closed = true;
        toClose = app;
      }
      if (toClose != null) {
        toClose.close();
      }
      if (factory instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          System.err.println("leain demo: closing the model: " + e);
        }
      }
    }

    @Override
    public String toString() {
      return "LEAIN stream app " + config.applicationId();
    }
  }
}
