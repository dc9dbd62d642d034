package org.leain.sky.jwst;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.leain.sky.jwst.InvalidSpectrumException.Reason;

/**
 * Reads JWST 1D spectra from bytes: DJA msaexp {@code spec.fits} or a wave/flux/err CSV. Bins
 * are kept; bad ones are flagged (see the package documentation). Thread-safe (stateless).
 */
public final class SpectrumReader {

  /** Largest file accepted, bytes. */
  public static final int MAX_BYTES = 64 * 1024 * 1024;
  /** Largest number of bins accepted. */
  public static final int MAX_BINS = 200_000;

  private static final Pattern RA_DEC = Pattern.compile(
      "\\bRA\\s*[=:]?\\s*([-+]?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)[\\s,;]+Dec\\s*[=:]?\\s*([-+]?\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ZSPEC = Pattern.compile(
      "\\bz_?spec\\s*[=:]?\\s*([-+]?\\d+(?:\\.\\d*)?)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SOURCE = Pattern.compile("\\bsource\\s+([A-Za-z0-9._:-]+)");

  private SpectrumReader() {}

  /** Reads either format, sniffed: FITS starts with "SIMPLE", anything else is read as CSV. */
  public static JwstSpectrum read(byte[] bytes, String fileName) {
    if (bytes != null && bytes.length >= 6
        && new String(bytes, 0, 6, StandardCharsets.US_ASCII).equals("SIMPLE")) {
      return readMsaexpFits(bytes, fileName);
    }
    return readCsv(bytes, fileName);
  }

  /** Reads a DJA msaexp {@code spec.fits} (HDU SPEC1D). */
  public static JwstSpectrum readMsaexpFits(byte[] bytes, String fileName) {
    checkSize(bytes);
    try (Fits fits = new Fits(new ByteArrayInputStream(bytes))) {
      for (int i = 0; i < 32; i++) {
        BasicHDU<?> hdu = fits.readHDU();
        if (hdu == null) {
          break;
        }
        if (hdu instanceof BinaryTableHDU table
            && "SPEC1D".equalsIgnoreCase(trim(hdu.getHeader().getStringValue("EXTNAME")))) {
          return fromSpec1d(table, fileName);
        }
      }
    } catch (InvalidSpectrumException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidSpectrumException(Reason.UNREADABLE,
          "Expected a readable FITS file. Actual: " + e.getMessage(), e);
    }
    throw new InvalidSpectrumException(Reason.MISSING_COLUMN,
        "Expected a binary table HDU named SPEC1D. Actual: none in " + fileName);
  }

  private static JwstSpectrum fromSpec1d(BinaryTableHDU table, String fileName) {
    Header h = table.getHeader();
    if (table.getNRows() > MAX_BINS) {
      throw new InvalidSpectrumException(Reason.TOO_LARGE,
          "Expected at most " + MAX_BINS + " bins. Actual: " + table.getNRows());
    }
    double[] wave = column(table, "wave", "um");
    double[] flux = column(table, "flux", "uJy");
    double[] err = column(table, "err", "uJy");
    double ra = firstDouble(h, "SRCRA", "RA_TARG", "TARG_RA");
    double dec = firstDouble(h, "SRCDEC", "DEC_TARG", "TARG_DEC");
    String start = trim(h.getStringValue("DATE-BEG"));
    if (start == null && h.getStringValue("DATE-OBS") != null) {
      String time = trim(h.getStringValue("TIME-OBS"));
      start = trim(h.getStringValue("DATE-OBS")) + (time == null ? "" : "T" + time);
    }
    String version = trim(h.getStringValue("VERSION"));
    return build(trim(h.getStringValue("SRCNAME")), ra, dec, start, trim(h.getStringValue("INSTRUME")),
        trim(h.getStringValue("GRATING")), trim(h.getStringValue("FILTER")), wave, flux, err, Double.NaN,
        fileName, version == null ? null : "msaexp " + version);
  }

  private static double[] column(BinaryTableHDU table, String name, String unit) {
    int col = -1;
    for (int c = 0; c < table.getNCols(); c++) {
      if (name.equalsIgnoreCase(trim(table.getColumnName(c)))) {
        col = c;
      }
    }
    if (col < 0) {
      throw new InvalidSpectrumException(Reason.MISSING_COLUMN,
          "Expected a column " + name + " in SPEC1D. Actual: absent");
    }
    String tunit = trim(table.getHeader().getStringValue("TUNIT" + (col + 1)));
    if (tunit != null && !tunit.isEmpty() && !tunit.equalsIgnoreCase(unit)) {
      throw new InvalidSpectrumException(Reason.UNSUPPORTED_UNITS,
          "Expected column " + name + " in " + unit + ". Actual: " + tunit);
    }
    Object data;
    try {
      data = table.getData().getFlattenedColumn(col);
    } catch (RuntimeException e) {
      throw new InvalidSpectrumException(Reason.UNREADABLE, "Expected a numeric column " + name
          + ". Actual: " + e.getMessage(), e);
    }
    if (data instanceof double[] d) {
      return d;
    }
    if (data instanceof float[] f) {
      double[] out = new double[f.length];
      for (int i = 0; i < f.length; i++) {
        out[i] = f[i];
      }
      return out;
    }
    throw new InvalidSpectrumException(Reason.UNREADABLE,
        "Expected a floating-point column " + name + ". Actual: " + data.getClass().getSimpleName());
  }

  /**
   * Reads a CSV with a header naming wave (um), flux (uJy) and err (uJy) columns (e.g.
   * {@code wave_um,flux_uJy,err_uJy}); '#' lines are comments, from which {@code RA x Dec y},
   * {@code zspec z} and {@code source NAME} are taken when present. "nan" parses as NaN.
   */
  public static JwstSpectrum readCsv(byte[] bytes, String fileName) {
    checkSize(bytes);
    double ra = Double.NaN;
    double dec = Double.NaN;
    double z = Double.NaN;
    String source = null;
    int[] cols = null;
    List<double[]> rows = new ArrayList<>();
    int lineNo = 0;
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
      for (String line; (line = reader.readLine()) != null; ) {
        lineNo++;
        String t = line.strip();
        if (t.isEmpty()) {
          continue;
        }
        if (t.startsWith("#")) {
          Matcher m = RA_DEC.matcher(t);
          if (m.find()) {
            ra = Double.parseDouble(m.group(1));
            dec = Double.parseDouble(m.group(2));
          }
          Matcher mz = ZSPEC.matcher(t);
          if (mz.find()) {
            z = Double.parseDouble(mz.group(1));
          }
          Matcher ms = SOURCE.matcher(t);
          if (ms.find()) {
            source = ms.group(1);
          }
          continue;
        }
        String[] f = t.split("\\s*,\\s*", -1);
        if (cols == null) {
          cols = csvColumns(f);
          continue;
        }
        if (rows.size() >= MAX_BINS) {
          throw new InvalidSpectrumException(Reason.TOO_LARGE, "Expected at most " + MAX_BINS + " bins. Actual: more");
        }
        rows.add(new double[] {number(f, cols[0], lineNo), number(f, cols[1], lineNo), number(f, cols[2], lineNo)});
      }
    } catch (IOException e) {
      throw new InvalidSpectrumException(Reason.UNREADABLE, "Expected a readable CSV. Actual: " + e.getMessage(), e);
    }
    if (cols == null) {
      throw new InvalidSpectrumException(Reason.MISSING_COLUMN,
          "Expected a header line naming wave, flux and err columns. Actual: none");
    }
    int n = rows.size();
    double[] wave = new double[n];
    double[] flux = new double[n];
    double[] err = new double[n];
    for (int i = 0; i < n; i++) {
      wave[i] = rows.get(i)[0];
      flux[i] = rows.get(i)[1];
      err[i] = rows.get(i)[2];
    }
    return build(source, ra, dec, null, null, null, null, wave, flux, err, z, fileName, null);
  }

  private static int[] csvColumns(String[] header) {
    int[] cols = {-1, -1, -1};
    String[] prefixes = {"wave", "flux", "err"};
    for (int c = 0; c < header.length; c++) {
      String name = header[c].toLowerCase(Locale.ROOT);
      for (int k = 0; k < 3; k++) {
        if (cols[k] < 0 && (name.equals(prefixes[k]) || name.startsWith(prefixes[k] + "_"))) {
          cols[k] = c;
          String unit = name.substring(prefixes[k].length());
          String want = k == 0 ? "_um" : "_ujy";
          if (!unit.isEmpty() && !unit.equals(want)) {
            throw new InvalidSpectrumException(Reason.UNSUPPORTED_UNITS,
                "Expected column " + prefixes[k] + want + ". Actual: " + header[c]);
          }
        }
      }
    }
    for (int k = 0; k < 3; k++) {
      if (cols[k] < 0) {
        throw new InvalidSpectrumException(Reason.MISSING_COLUMN,
            "Expected a CSV column " + prefixes[k] + ". Actual header: " + String.join(",", header));
      }
    }
    return cols;
  }

  private static double number(String[] f, int col, int lineNo) {
    if (col >= f.length) {
      throw new InvalidSpectrumException(Reason.UNREADABLE,
          "Expected at least " + (col + 1) + " fields on line " + lineNo + ". Actual: " + f.length);
    }
    String s = f[col].strip().toLowerCase(Locale.ROOT);
    switch (s) {
      case "nan", "", "null", "--":
        return Double.NaN;
      case "inf", "+inf", "infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf", "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        try {
          return Double.parseDouble(s);
        } catch (NumberFormatException e) {
          throw new InvalidSpectrumException(Reason.UNREADABLE,
              "Expected a number on line " + lineNo + ". Actual: " + f[col]);
        }
    }
  }

  static JwstSpectrum build(String source, double ra, double dec, String start, String instrument,
      String grating, String filter, double[] wave, double[] flux, double[] err, double z,
      String fileName, String reduction) {
    int n = wave.length;
    if (n == 0) {
      throw new InvalidSpectrumException(Reason.MISSING_COLUMN, "Expected at least one bin. Actual: 0");
    }
    for (int i = 0; i < n; i++) {
      if (!(wave[i] > 0) || !Double.isFinite(wave[i]) || (i > 0 && !(wave[i] > wave[i - 1]))) {
        throw new InvalidSpectrumException(Reason.BAD_WAVELENGTH,
            "Expected finite, positive, increasing wavelengths. Actual: " + wave[i] + " um at bin " + i);
      }
    }
    boolean[] usable = new boolean[n];
    int masked = 0;
    for (int i = 0; i < n; i++) {
      usable[i] = Double.isFinite(flux[i]) && Double.isFinite(err[i]) && err[i] > 0;
      if (!usable[i]) {
        masked++;
      }
    }
    if (!Double.isNaN(ra) && !(Double.isFinite(ra) && dec >= -90 && dec <= 90)) {
      ra = Double.NaN;
      dec = Double.NaN;
    }
    return new JwstSpectrum(source, ra, dec, start, instrument, grating, filter, wave, flux, err,
        usable, masked, z, fileName, reduction);
  }

  private static double firstDouble(Header h, String... keys) {
    for (String k : keys) {
      if (h.containsKey(k)) {
        double v = h.getDoubleValue(k, Double.NaN);
        if (Double.isFinite(v)) {
          return v;
        }
      }
    }
    return Double.NaN;
  }

  private static void checkSize(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidSpectrumException(Reason.UNREADABLE, "Expected spectrum bytes. Actual: none");
    }
    if (bytes.length > MAX_BYTES) {
      throw new InvalidSpectrumException(Reason.TOO_LARGE,
          "Expected at most " + MAX_BYTES + " bytes. Actual: " + bytes.length);
    }
  }

  private static String trim(String s) {
    return s == null ? null : s.strip();
  }
}
