package org.leain.sky.skymap;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import nom.tam.fits.BasicHDU;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.Header;
import org.leain.sky.healpix.Healpix;
import org.leain.sky.healpix.Nuniq;
import org.leain.sky.skymap.InvalidSkymapException.Reason;

/**
 * Reads a sky map from FITS bytes (plain or gzip-compressed): a multi-order NUNIQ map (columns
 * UNIQ, PROBDENSITY and optionally DISTMU, DISTSIGMA, DISTNORM) or a flat HEALPix map (ORDERING
 * NESTED or RING, column PROB and optionally the distance columns), converted to NUNIQ. The first
 * binary table extension is used. Thread-safe (stateless).
 */
public final class SkymapReader {

  private SkymapReader() {}

  /** Reads with {@link SkymapLimits#DEFAULT}. */
  public static Skymap read(byte[] fitsBytes) {
    return read(fitsBytes, SkymapLimits.DEFAULT);
  }

  /**
   * Reads and validates a map.
   *
   * @throws InvalidSkymapException with a reason naming what is wrong
   */
  public static Skymap read(byte[] fitsBytes, SkymapLimits limits) {
    byte[] plain = gunzipIfNeeded(fitsBytes, limits);
    BinaryTableHDU table = firstBinaryTable(plain);
    Header header = table.getHeader();
    String ordering = header.getStringValue("ORDERING");
    ordering = ordering == null ? "" : ordering.trim().toUpperCase(Locale.ROOT);
    SkymapMetadata metadata = new SkymapMetadata(trimmed(header.getStringValue("OBJECT")),
        trimmed(header.getStringValue("DATE-OBS")), header.getDoubleValue("DISTMEAN", Double.NaN),
        header.getDoubleValue("DISTSTD", Double.NaN));
    int uniqColumn = column(table, "UNIQ");
    if (ordering.equals("NUNIQ") || (ordering.isEmpty() && uniqColumn >= 0)) {
      if (uniqColumn < 0) {
        throw missing("UNIQ");
      }
      long[] uniq = longColumn(table, uniqColumn, "UNIQ", limits);
      double[] density = doubleColumn(table, required(table, "PROBDENSITY"), "PROBDENSITY", limits);
      double[][] dist = distanceColumns(table, limits);
      return Skymap.of(uniq, density, dist[0], dist[1], dist[2], metadata, limits);
    }
    if (!ordering.equals("NESTED") && !ordering.equals("RING")) {
      throw new InvalidSkymapException(Reason.BAD_ORDERING,
          "Expected header ORDERING = NUNIQ, NESTED or RING. Actual: '" + ordering + "'");
    }
    int probColumn = column(table, "PROB");
    if (probColumn < 0) {
      probColumn = column(table, "PROBABILITY");
    }
    if (probColumn < 0) {
      throw missing("PROB");
    }
    double[] prob = doubleColumn(table, probColumn, "PROB", limits);
    double[][] dist = distanceColumns(table, limits);
    return fromFlat(prob, ordering.equals("RING"), dist, metadata, limits);
  }

  /** Converts a flat map (per-pixel probabilities at one order) to NUNIQ. */
  static Skymap fromFlat(double[] prob, boolean ring, double[][] dist, SkymapMetadata metadata,
      SkymapLimits limits) {
    long npix = prob.length;
    int order = -1;
    for (int o = 0; o <= Healpix.MAX_ORDER; o++) {
      if (Healpix.pixelCount(o) == npix) {
        order = o;
        break;
      }
    }
    if (order < 0) {
      throw new InvalidSkymapException(Reason.BAD_ORDERING,
          "Expected a flat map of 12*nside^2 pixels with nside a power of 2. Actual: " + npix + " pixels");
    }
    int n = prob.length;
    long[] uniq = new long[n];
    double[] density = new double[n];
    double[][] nestedDist = new double[3][];
    for (int c = 0; c < 3; c++) {
      nestedDist[c] = dist[c] == null ? null : new double[n];
    }
    double area = Healpix.pixelAreaSr(order);
    for (int i = 0; i < n; i++) {
      long nested = ring ? Healpix.ringToNested(order, i) : i;
      int row = (int) nested;
      uniq[row] = Nuniq.encode(order, nested);
      density[row] = prob[i] / area;
      for (int c = 0; c < 3; c++) {
        if (dist[c] != null) {
          nestedDist[c][row] = dist[c][i];
        }
      }
    }
    return Skymap.of(uniq, density, nestedDist[0], nestedDist[1], nestedDist[2], metadata, limits);
  }

  private static double[][] distanceColumns(BinaryTableHDU table, SkymapLimits limits) {
    String[] names = {"DISTMU", "DISTSIGMA", "DISTNORM"};
    double[][] out = new double[3][];
    for (int c = 0; c < 3; c++) {
      int col = column(table, names[c]);
      out[c] = col < 0 ? null : doubleColumn(table, col, names[c], limits);
    }
    return out;
  }

  private static byte[] gunzipIfNeeded(byte[] bytes, SkymapLimits limits) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidSkymapException(Reason.NOT_FITS, "Expected FITS bytes. Actual: none");
    }
    boolean gzip = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    if (!gzip) {
      if (bytes.length > limits.maxBytes()) {
        throw new InvalidSkymapException(Reason.TOO_LARGE,
            "Expected at most " + limits.maxBytes() + " bytes of FITS. Actual: " + bytes.length);
      }
      return bytes;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(bytes.length * 4, 1 << 24));
      byte[] buf = new byte[1 << 16];
      long total = 0;
      for (int k; (k = in.read(buf)) > 0; ) {
        total += k;
        if (total > limits.maxBytes()) {
          throw new InvalidSkymapException(Reason.TOO_LARGE,
              "Expected at most " + limits.maxBytes() + " bytes of FITS after gzip. Actual: more");
        }
        out.write(buf, 0, k);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new InvalidSkymapException(Reason.NOT_FITS,
          "Expected valid gzip-compressed FITS. Actual: " + e.getMessage(), e);
    }
  }

  private static BinaryTableHDU firstBinaryTable(byte[] plain) {
    if (plain.length < 2880 || !new String(plain, 0, 6, java.nio.charset.StandardCharsets.US_ASCII)
        .equals("SIMPLE")) {
      throw new InvalidSkymapException(Reason.NOT_FITS,
          "Expected a FITS file (starting with SIMPLE, at least 2880 bytes). Actual: " + plain.length
              + " bytes not starting with SIMPLE");
    }
    try (Fits fits = new Fits(new ByteArrayInputStream(plain))) {
      for (int i = 0; i < 16; i++) {
        BasicHDU<?> hdu = fits.readHDU();
        if (hdu == null) {
          break;
        }
        if (hdu instanceof BinaryTableHDU table) {
          return table;
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new InvalidSkymapException(Reason.NOT_FITS,
          "Expected readable FITS. Actual: " + e.getMessage(), e);
    }
    throw new InvalidSkymapException(Reason.NO_TABLE,
        "Expected a binary table extension holding the map. Actual: none");
  }

  private static int column(BinaryTableHDU table, String name) {
    for (int c = 0; c < table.getNCols(); c++) {
      String n = table.getColumnName(c);
      if (n != null && n.trim().equalsIgnoreCase(name)) {
        return c;
      }
    }
    return -1;
  }

  private static int required(BinaryTableHDU table, String name) {
    int c = column(table, name);
    if (c < 0) {
      throw missing(name);
    }
    return c;
  }

  private static InvalidSkymapException missing(String name) {
    return new InvalidSkymapException(Reason.MISSING_COLUMN,
        "Expected a column " + name + ". Actual: absent");
  }

  private static Object flattened(BinaryTableHDU table, int col, String name, SkymapLimits limits) {
    long cells = (long) table.getNRows() * Math.max(1, table.getData().getDescriptor(col).getElementCount());
    if (cells > limits.maxRows()) {
      throw new InvalidSkymapException(Reason.TOO_LARGE,
          "Expected at most " + limits.maxRows() + " pixels. Actual: " + cells + " in " + name);
    }
    try {
      return table.getData().getFlattenedColumn(col);
    } catch (RuntimeException e) {
      throw new InvalidSkymapException(Reason.MISSING_COLUMN,
          "Expected a readable numeric column " + name + ". Actual: " + e.getMessage(), e);
    }
  }

  private static long[] longColumn(BinaryTableHDU table, int col, String name, SkymapLimits limits) {
    Object data = flattened(table, col, name, limits);
    if (data instanceof long[] l) {
      return l;
    }
    if (data instanceof int[] ints) {
      long[] out = new long[ints.length];
      for (int i = 0; i < ints.length; i++) {
        out[i] = ints[i];
      }
      return out;
    }
    throw new InvalidSkymapException(Reason.MISSING_COLUMN,
        "Expected an integer column " + name + " (TFORM K or J). Actual: " + typeName(data));
  }

  private static double[] doubleColumn(BinaryTableHDU table, int col, String name, SkymapLimits limits) {
    Object data = flattened(table, col, name, limits);
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
    throw new InvalidSkymapException(Reason.MISSING_COLUMN,
        "Expected a floating-point column " + name + " (TFORM D or E). Actual: " + typeName(data));
  }

  private static String typeName(Object data) {
    return data == null ? "null" : data.getClass().getSimpleName();
  }

  private static String trimmed(String s) {
    return s == null ? null : s.trim();
  }
}
