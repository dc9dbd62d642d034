package org.leain.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** {@code ./leain run} refuses a bad configuration at start, naming the setting (exit code 2). */
class RunCommandTest {

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "localhost, http.port=8080, bootstrap.servers",
      "localhost:9092, join.order=99, join.order",
      "localhost:9092, sasl.password=hunter2, sasl.password",
      "localhost:9092, topics.dlq=bad topic, topics.dlq",
      ", http.port=8080, bootstrap.servers",
  })
  void badConfiguration_exitsWith2_namingTheSetting(String bootstrap, String override, String named) {
    PrintStream original = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = bootstrap == null ? new CommandLine(new RunCommand()).execute("--set", override)
          : new CommandLine(new RunCommand()).execute("--bootstrap-servers", bootstrap, "--set", override);
    } finally {
      System.setErr(original);
    }
    String text = err.toString(StandardCharsets.UTF_8);
    assertEquals(2, code, text);
    assertTrue(text.contains("Setting " + named), text);
    assertTrue(!text.contains("hunter2"), "secrets are never echoed: " + text);
  }
}
