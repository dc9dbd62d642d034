package org.leain.stream.config;

/** A setting is missing, malformed or out of range; the message names the setting. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception for {@code key}; the message reads "Setting KEY: DETAIL". */
  public ConfigException(String key, String detail) {
    super("Setting " + key + ": " + detail);
  }
}
