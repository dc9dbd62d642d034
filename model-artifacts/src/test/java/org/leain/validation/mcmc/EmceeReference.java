package org.leain.validation.mcmc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs the committed script src/test/python/emcee_reference.py with Debian's python3-emcee.
 * Missing emcee fails under CI=true and skips otherwise, naming the package.
 */
final class EmceeReference {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PYTHON = "/usr/bin/python3";

  private EmceeReference() {}

  static JsonNode call(Object request) throws IOException, InterruptedException {
    requireEmcee();
    Path script = repositoryRoot().resolve("model-artifacts/src/test/python/emcee_reference.py");
    Process process = new ProcessBuilder(PYTHON, script.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(JSON.writeValueAsBytes(request));
    }
    byte[] out = process.getInputStream().readAllBytes();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("emcee_reference.py did not finish in 120 s");
    }
    assertEquals(0, process.exitValue(), "emcee_reference.py exit code");
    return JSON.readTree(new String(out, StandardCharsets.UTF_8));
  }

  private static void requireEmcee() throws IOException, InterruptedException {
    boolean present = Files.isExecutable(Paths.get(PYTHON))
        && new ProcessBuilder(PYTHON, "-c", "import emcee, numpy").start().waitFor() == 0;
    if (!present) {
      if ("true".equals(System.getenv("CI"))) {
        fail("python3-emcee is required in CI (Debian package python3-emcee, via /usr/bin/python3)");
      }
      Assumptions.abort("Install the Debian package python3-emcee to run this comparison");
    }
  }

  static Path repositoryRoot() {
    String root = System.getProperty("leain.root");
    if (root != null && Files.isDirectory(Paths.get(root, "data"))) {
      return Paths.get(root);
    }
    Path p = Paths.get("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("data"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("Expected a parent folder containing data/. Actual: none above "
          + Paths.get("").toAbsolutePath());
    }
    return p;
  }
}
