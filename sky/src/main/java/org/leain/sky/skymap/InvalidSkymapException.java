package org.leain.sky.skymap;

/**
 * A sky map that cannot be used: unreadable bytes, missing columns, or a map that violates the
 * NUNIQ contract. Unchecked, with a machine-readable {@link Reason} so that a stream can route the
 * record to its dead-letter topic with the reason attached.
 */
public final class InvalidSkymapException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a sky map was rejected. */
  public enum Reason {
    /** Not a readable FITS file (or gzip-compressed FITS file). */
    NOT_FITS,
    /** No binary table extension holding the map. */
    NO_TABLE,
    /** A required column (UNIQ, PROBDENSITY, PROB, ...) is absent or not numeric. */
    MISSING_COLUMN,
    /** ORDERING header absent or not NUNIQ, NESTED or RING; or a flat map whose size is no 12 nside^2. */
    BAD_ORDERING,
    /** Column arrays of different lengths. */
    LENGTH_MISMATCH,
    /** A UNIQ value that is no pixel at order 0..29. */
    INVALID_UNIQ,
    /** Pixels that overlap, nest in one another, or leave part of the sphere uncovered. */
    NOT_A_TILING,
    /** A negative, NaN or infinite probability density. */
    BAD_DENSITY,
    /** Total probability differs from 1 by more than 1e-6. */
    NOT_NORMALISED,
    /** More rows or bytes than the configured limits allow. */
    TOO_LARGE,
  }

  private final Reason reason;

  public InvalidSkymapException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public InvalidSkymapException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  /** The machine-readable reason. */
  public Reason reason() {
    return reason;
  }
}
