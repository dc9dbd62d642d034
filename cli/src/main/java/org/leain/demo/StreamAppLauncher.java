package org.leain.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the demo starts the LEAIN stream app in-process. Two steps, so that the slow parts that need
 * no broker (configuration, loading and warming up the model) run while the broker starts: {@link
 * #prepare}, then {@link Prepared#start} once the broker is up. A small seam that keeps the demo's
 * orchestration independent of the stream app's configuration classes.
 */
public interface StreamAppLauncher {

  /**
   * What the demo asks for.
   *
   * @param modelDir the model directory, or null for the stream app's default ({@code leain-v1})
   * @param applicationId the Kafka Streams application id
   * @param stateDir where Kafka Streams keeps its state stores
   * @param readyTimeout how long to wait for RUNNING
   */
  record Request(Path modelDir, String applicationId, Path stateDir, Duration readyTimeout) {}

  /** A configured app with its model loaded, not yet connected. */
  interface Prepared extends AutoCloseable {

    /** The topic names the app is configured with. */
    DemoTopics topics();

    /** The model's name and where it came from, for the output. */
    String modelDescription();

    /**
     * Creates the missing topics on the cluster, starts the app and waits until it is RUNNING.
     *
     * @throws Exception with a message an operator can act on
     */
    RunningApp start(String bootstrapServers) throws Exception;

    /** Releases the model if the app was never started (or stops the app if it was); idempotent. */
    @Override
    void close();
  }

  /** A running app. */
  interface RunningApp extends AutoCloseable {

    /** The HTTP port of /metrics, /health, /ready. */
    int httpPort();

    /** Stops the app (and its model); idempotent. */
    @Override
    void close();
  }

  /**
   * Validates the configuration and loads the model (which may take seconds); touches no broker.
   *
   * @throws Exception with a message an operator can act on (e.g. a missing model directory)
   */
  Prepared prepare(Request request) throws Exception;
}
