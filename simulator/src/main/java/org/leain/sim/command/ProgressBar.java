package org.leain.sim.command;

import java.io.PrintStream;

/**
 * A one-line text progress bar on a stream (stderr), redrawn with a carriage return at most every
 * 200 ms: percentage, count and rate. Not thread-safe: call from the writing thread.
 */
final class ProgressBar {

  private static final int WIDTH = 30;

  private final PrintStream out;
  private final String label;
  private final long total;
  private final long startNanos;
  private long lastDrawNanos;

  ProgressBar(PrintStream out, String label, long total) {
    this.out = out;
    this.label = label;
    this.total = total;
    this.startNanos = System.nanoTime();
    this.lastDrawNanos = startNanos - 1_000_000_000L;
  }

  void update(long done) {
    long now = System.nanoTime();
    if (done < total && now - lastDrawNanos < 200_000_000L) {
      return;
    }
    lastDrawNanos = now;
    double fraction = total == 0 ? 1.0 : (double) done / total;
    int filled = (int) Math.round(fraction * WIDTH);
    double seconds = Math.max((now - startNanos) / 1e9, 1e-9);
    out.printf("\r%s [%s%s] %3d%% %,d/%,d %,.0f/s", label, "#".repeat(filled),
        ".".repeat(WIDTH - filled), Math.round(100 * fraction), done, total, done / seconds);
    if (done >= total) {
      out.println();
    }
    out.flush();
  }
}
