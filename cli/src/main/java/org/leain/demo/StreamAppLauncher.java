package org.leain.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the demo starts the LEAIN stream app in-process: creates the topics it needs and starts it,
 * returning once it is RUNNING. A small seam so the demo's orchestration does not depend on the
 * stream app's configuration classes.
 */
public interface StreamAppLauncher {

  /**
   * What the demo asks for.
   *
   * @param bootstrapServers the cluster
   * @param modelDir the model directory, or null for the stream app's default ({@code leain-v1})
   * @param applicationId the Kafka Streams application id
   * @param stateDir where Kafka Streams keeps its state stores
   * @param readyTimeout how long to wait for RUNNING
   */
  record Request(String bootstrapServers, Path modelDir, String applicationId, Path stateDir, Duration readyTimeout) {}

  /** A running app. */
  interface RunningApp extends AutoCloseable {

    /** The topic names the app was configured with. */
    DemoTopics topics();

    /** The model's name and version, for the output. */
    String modelDescription();

    /** Stops the app (and its model); idempotent. */
    @Override
    void close();
  }

  /**
   * Creates the missing topics, loads the model, starts the app and waits until it is RUNNING.
   *
   * @throws Exception with a message an operator can act on when any step fails
   */
  RunningApp start(Request request) throws Exception;
}
