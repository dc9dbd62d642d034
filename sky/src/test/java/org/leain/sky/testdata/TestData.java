package org.leain.sky.testdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Locates the repository's real data files and reads the committed reference vectors. */
public final class TestData {

  private TestData() {}

  /** The repository root: system property leain.root, else the first ancestor holding data/. */
  public static Path repoRoot() {
    String property = System.getProperty("leain.root");
    if (property != null && Files.isDirectory(Paths.get(property, "data"))) {
      return Paths.get(property);
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("data/lvk"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("Expected a repository root containing data/. Actual: none above "
        + Paths.get("").toAbsolutePath());
  }

  /** A file under data/, e.g. {@code data("lvk/bayestar.multiorder.fits")}. */
  public static Path data(String relative) {
    return repoRoot().resolve("data").resolve(relative);
  }

  public static byte[] dataBytes(String relative) {
    try {
      return Files.readAllBytes(data(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rows of a (possibly gzip-compressed) CSV test resource, without '#' comments and the header. */
  public static List<String[]> csvResource(String name) {
    try (InputStream raw = TestData.class.getResourceAsStream("/" + name)) {
      if (raw == null) {
        throw new IllegalStateException("Expected test resource " + name + ". Actual: missing");
      }
      InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      List<String[]> rows = new ArrayList<>();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        boolean header = true;
        for (String line; (line = reader.readLine()) != null; ) {
          if (line.startsWith("#") || line.isBlank()) {
            continue;
          }
          if (header) {
            header = false;
            continue;
          }
          rows.add(line.split(",", -1));
        }
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a whole test resource. */
  public static byte[] resourceBytes(String name) {
    try (InputStream raw = TestData.class.getResourceAsStream("/" + name)) {
      if (raw == null) {
        throw new IllegalStateException("Expected test resource " + name + ". Actual: missing");
      }
      return raw.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
