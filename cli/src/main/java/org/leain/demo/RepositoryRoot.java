package org.leain.demo;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root, where the demo finds {@code data/} and the models: the system property
 * {@code leain.root} (set by the launcher and by surefire), else the nearest ancestor of the working
 * directory that holds {@code data/}.
 */
public final class RepositoryRoot {

  private RepositoryRoot() {}

  /** @throws IllegalStateException when neither is found */
  public static Path find() {
    String property = System.getProperty("leain.root");
    if (property != null && !property.isBlank() && Files.isDirectory(Path.of(property, "data"))) {
      return Path.of(property).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("data").resolve("lvk"))) {
        return dir;
      }
    }
    throw new IllegalStateException("Expected the repository root (a folder holding data/) from -Dleain.root or above "
        + Path.of("").toAbsolutePath() + ". Actual: none; run through ./leain or set -Dleain.root");
  }
}
