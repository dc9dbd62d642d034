package org.leain.cli.feed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.leain.contracts.Spectrum;
import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumReader;
import org.leain.sky.jwst.SpectrumRecords;

/**
 * Turns a spectrum file into the {@code Spectrum} contract record, with the overrides a user may
 * need: a position (a CSV carries none), an observation time, a redshift and the record's id.
 */
public final class SpectrumFiles {

  /**
   * What the command line may override; NaN or null means "as the file says".
   *
   * @param raDeg ICRS right ascension, degrees, or NaN
   * @param decDeg ICRS declination, degrees, or NaN
   * @param observationTimeMs observation start, ms since the epoch, or null
   * @param redshift spectroscopic redshift, or NaN
   * @param spectrumId the record key, or null for one derived from the file name
   */
  public record Overrides(double raDeg, double decDeg, Long observationTimeMs, double redshift, String spectrumId) {

    public Overrides {
      if (Double.isNaN(raDeg) != Double.isNaN(decDeg)) {
        throw new IllegalArgumentException("Expected both --ra and --dec, or neither. Actual: ra " + raDeg + ", dec " + decDeg);
      }
    }

    /** No overrides. */
    public static Overrides none() {
      return new Overrides(Double.NaN, Double.NaN, null, Double.NaN, null);
    }
  }

  private SpectrumFiles() {}

  /**
   * Reads {@code file} (msaexp .spec.fits or CSV, sniffed) and builds the record.
   *
   * @throws IllegalArgumentException naming the file when it cannot be read, parsed, has no
   *     position and none is given, or the id is malformed
   */
  public static Spectrum read(Path file, Overrides overrides) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("Expected a readable spectrum file. Actual: " + file + " ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
    String fileName = file.getFileName().toString();
    try {
      JwstSpectrum spectrum = SpectrumReader.read(bytes, fileName);
      if (!Double.isNaN(overrides.raDeg())) {
        spectrum = spectrum.withPosition(overrides.raDeg(), overrides.decDeg());
      }
      String id = overrides.spectrumId() == null ? idFromFileName(fileName) : overrides.spectrumId();
      Spectrum record = SpectrumRecords.toSpectrum(spectrum, id, overrides.redshift(), null);
      if (overrides.observationTimeMs() != null) {
        record.setObservationTimeMs(overrides.observationTimeMs());
      }
      return record;
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Expected a JWST spectrum (msaexp .spec.fits or CSV) in " + file
          + ". Actual: " + e.getMessage(), e);
    }
  }

  /**
   * A valid spectrum id from a file name: the name without its extensions ({@code .spec.fits},
   * {@code .spec1d.csv}), other characters than {@code [A-Za-z0-9._:-]} replaced by '_', at most 128.
   */
  public static String idFromFileName(String fileName) {
    String stem = fileName.replaceFirst("\\.(spec1d\\.csv|spec\\.fits(\\.gz)?|fits(\\.gz)?|csv)$", "");
    String id = stem.replaceAll("[^A-Za-z0-9._:-]", "_");
    if (id.isEmpty()) {
      id = "spectrum";
    }
    return id.length() > 128 ? id.substring(0, 128) : id;
  }

  /**
   * An ISO-8601 time as epoch milliseconds: with a zone or offset ({@code 2024-01-02T03:04:05Z}) or
   * without one, taken as UTC as FITS DATE-BEG is ({@code 2024-01-02T03:04:05.123}).
   */
  public static long parseIsoTimeMs(String iso) {
    try {
      return Instant.parse(iso).toEpochMilli();
    } catch (DateTimeParseException withoutZone) {
      try {
        return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "Expected an ISO-8601 time such as 2023-01-15T10:30:00Z. Actual: " + iso, e);
      }
    }
  }
}
