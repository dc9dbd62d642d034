package org.leain.demo;

/** The stream app launchers the demo can use. */
final class StreamApps {

  private StreamApps() {}

  /** The LEAIN stream app in this JVM, with the model of the request (default leain-v1). */
  static StreamAppLauncher inProcess() {
    return InProcessStreamApp.withModel();
  }
}
