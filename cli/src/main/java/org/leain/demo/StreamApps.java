package org.leain.demo;

/** The stream app launchers the demo can use. */
final class StreamApps {

  private StreamApps() {}

  /**
   * The LEAIN stream app in this JVM. Until the stream-app module's app runner is on this branch,
   * this launcher says so instead of producing anything: the demo never fakes posteriors.
   */
  static StreamAppLauncher inProcess() {
    return request -> {
      throw new IllegalStateException("Expected the LEAIN stream app (stream-app module: LeainApp) on the class path. "
          + "Actual: not merged into this build yet, so no posterior can be produced.");
    };
  }
}
