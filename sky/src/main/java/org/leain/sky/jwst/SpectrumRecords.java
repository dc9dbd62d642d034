package org.leain.sky.jwst;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.leain.contracts.Spectrum;
import org.leain.contracts.SpectrumProvenance;

/** Converts a {@link JwstSpectrum} into the {@code org.leain.contracts.Spectrum} Avro record. */
public final class SpectrumRecords {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  private SpectrumRecords() {}

  /**
   * Builds the contract record.
   *
   * @param spectrum a spectrum with a position (see {@link JwstSpectrum#withPosition})
   * @param spectrumId the record key, characters {@code [A-Za-z0-9._:-]}, at most 128
   * @param redshift spectroscopic redshift, or NaN to use the file's (or none)
   * @param ingestedMs when the spectrum entered LEAIN (ms since the epoch), or null
   * @throws InvalidSpectrumException (NO_POSITION) when the spectrum has no position
   * @throws IllegalArgumentException for a malformed id
   */
  public static Spectrum toSpectrum(JwstSpectrum spectrum, String spectrumId, double redshift,
      Long ingestedMs) {
    if (spectrumId == null || !ID.matcher(spectrumId).matches()) {
      throw new IllegalArgumentException(
          "Expected a spectrum id of 1-128 characters [A-Za-z0-9._:-]. Actual: " + spectrumId);
    }
    if (!spectrum.hasPosition()) {
      throw new InvalidSpectrumException(InvalidSpectrumException.Reason.NO_POSITION,
          "Expected a position in the file or given explicitly. Actual: none for " + spectrumId);
    }
    double z = Double.isNaN(redshift) ? spectrum.redshift() : redshift;
    int n = spectrum.size();
    List<Double> wave = new ArrayList<>(n);
    List<Double> flux = new ArrayList<>(n);
    List<Double> err = new ArrayList<>(n);
    List<Boolean> mask = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      wave.add(spectrum.wavelengthUm()[i]);
      flux.add(spectrum.fluxUjy()[i]);
      err.add(spectrum.fluxErrUjy()[i]);
      mask.add(spectrum.usable()[i]);
    }
    double ra = spectrum.raDeg() % 360.0;
    if (ra < 0) {
      ra += 360.0;
    }
    return Spectrum.newBuilder()
        .setSpectrumId(spectrumId)
        .setTargetName(firstNonNull(spectrum.sourceName(), spectrum.fileName(), spectrumId))
        .setRaDeg(ra)
        .setDecDeg(spectrum.decDeg())
        .setObservationTimeMs(epochMs(spectrum.observationStartUtc()))
        .setInstrument(spectrum.instrument() == null ? "unknown" : spectrum.instrument())
        .setGrating(spectrum.grating())
        .setFilter(spectrum.filter())
        .setWavelengthUm(wave)
        .setFluxUjy(flux)
        .setFluxErrUjy(err)
        .setMask(mask)
        .setNMasked(spectrum.maskedCount())
        .setRedshiftSpec(Double.isNaN(z) ? null : z)
        .setProvenance(SpectrumProvenance.newBuilder()
            .setArchive("DJA")
            .setFileName(spectrum.fileName())
            .setReduction(spectrum.reduction())
            .setIngestedMs(ingestedMs)
            .build())
        .build();
  }

  /** ISO-8601 UTC without zone (as FITS DATE-BEG) to epoch milliseconds; null if absent or unparsable. */
  static Long epochMs(String isoUtc) {
    if (isoUtc == null || isoUtc.isBlank()) {
      return null;
    }
    try {
      String s = isoUtc.strip();
      if (s.length() == 10) {
        s = s + "T00:00:00";
      }
      return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String firstNonNull(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return "unknown";
  }
}
