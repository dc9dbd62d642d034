package org.leain.stream.dlq;

import org.leain.contracts.DeadLetterReason;

/**
 * A record that must become a dead letter with a specific reason code: thrown by processors, turned
 * into a {@code DeadLetter} by the configured processing exception handler.
 */
public final class DeadLetterException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final DeadLetterReason reason;

  public DeadLetterException(DeadLetterReason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public DeadLetterException(DeadLetterReason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The reason code the dead letter carries. */
  public DeadLetterReason reason() {
    return reason;
  }
}
