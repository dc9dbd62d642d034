package org.leain.sky.jwst;

/** A spectrum file that cannot be used, with a machine-readable {@link Reason}. Unchecked. */
public final class InvalidSpectrumException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why a spectrum was rejected. */
  public enum Reason {
    /** Not readable as the expected format (FITS or CSV). */
    UNREADABLE,
    /** A required HDU or column (SPEC1D; wave, flux, err) is missing. */
    MISSING_COLUMN,
    /** Units other than um for wavelength or uJy for flux. */
    UNSUPPORTED_UNITS,
    /** Wavelengths not finite, positive and increasing. */
    BAD_WAVELENGTH,
    /** No position in the file and none given. */
    NO_POSITION,
    /** More bytes or rows than the limits allow. */
    TOO_LARGE,
  }

  private final Reason reason;

  public InvalidSpectrumException(Reason reason, String message) {
    super(reason + ": " + message);
    this.reason = reason;
  }

  public InvalidSpectrumException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
