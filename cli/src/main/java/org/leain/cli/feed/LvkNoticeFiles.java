package org.leain.cli.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.leain.sky.lvk.LvkAlert;
import org.leain.sky.lvk.LvkAlertReader;

/**
 * Reads LVK notice files and checks that each parses before anything is sent, so a replay is all or
 * nothing and the error names the file at fault.
 */
public final class LvkNoticeFiles {

  /** One notice: its file, its bytes exactly as stored, and what they parse to. */
  public record Notice(Path file, byte[] bytes, LvkAlert alert) {}

  private LvkNoticeFiles() {}

  /**
   * Reads and parses every file, in order.
   *
   * @throws IllegalArgumentException naming the first file that cannot be read or parsed, and why
   */
  public static List<Notice> readAll(List<Path> files) {
    List<Notice> notices = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(file);
      } catch (IOException e) {
        throw new IllegalArgumentException("Expected a readable LVK notice file. Actual: " + file + " ("
            + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
      }
      try {
        notices.add(new Notice(file, bytes, LvkAlertReader.read(bytes)));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("Expected an LVK notice (igwn.alerts.v1_0, JSON or Avro) in " + file
            + ". Actual: it does not parse: " + e.getMessage(), e);
      }
    }
    return notices;
  }
}
