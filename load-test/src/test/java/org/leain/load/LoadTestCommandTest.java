package org.leain.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class LoadTestCommandTest {

  @ParameterizedTest
  @CsvSource({"30s, 30000", "2m, 120000", "500ms, 500", "1.5, 1500", "1h, 3600000"})
  void durations_acceptSecondsMinutesHoursAndMilliseconds(String text, long millis) {
    assertEquals(Duration.ofMillis(millis), new LoadTestCommand.DurationConverter().convert(text));
  }

  @Test
  void duration_withoutANumber_isRejectedWithTheExpectedForm() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new LoadTestCommand.DurationConverter().convert("soon"));
    assertTrue(e.getMessage().startsWith("Expected a duration like 30s"), e.getMessage());
  }

  @Test
  void appThatCannotStart_endsTheRunWithStatus2_andItsStatusInTheMessage(@TempDir Path dir) throws Exception {
    // A real child process that exits at once (status 1) stands for an app that fails to start.
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    java.io.PrintStream originalErr = System.err;
    int status;
    try {
      System.setErr(new java.io.PrintStream(err, true, "UTF-8"));
      status = new CommandLine(new LoadTestCommand()).setErr(new PrintWriter(new StringWriter())).execute(
          "--rate", "10", "--duration", "1s", "--bootstrap-servers", "127.0.0.1:1", "--launcher", "/bin/false",
          "--ready-timeout", "30s", "--output-dir", dir.toString());
    } finally {
      System.setErr(originalErr);
    }
    String message = err.toString("UTF-8");
    assertEquals(2, status, message);
    assertTrue(message.contains("Expected app instance 0 to run. Actual: it exited with status 1"), message);
  }
}
