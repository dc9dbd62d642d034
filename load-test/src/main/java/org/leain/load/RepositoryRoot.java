package org.leain.load;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root: the system property leain.root (set by the launcher), else upwards from the working directory. */
final class RepositoryRoot {

  private RepositoryRoot() {}

  static Path find() {
    String property = System.getProperty("leain.root");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("data")) && Files.isRegularFile(dir.resolve("leain"))) {
        return dir;
      }
    }
    throw new IllegalStateException(
        "Expected the repository root (a folder with data/ and the leain launcher) above "
            + Path.of("").toAbsolutePath() + ". Actual: none; set -Dleain.root");
  }
}
