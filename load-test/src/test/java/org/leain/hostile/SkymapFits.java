package org.leain.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.util.FitsOutputStream;

/**
 * Small multi-order FITS sky maps as LVK serves them (binary table, ORDERING = NUNIQ, UNIQ K
 * column, PROBDENSITY/DISTMU/DISTSIGMA/DISTNORM D columns), gzip-compressed so a corpus case stays a
 * few hundred bytes. Valid maps and deliberately broken ones are built the same way.
 */
final class SkymapFits {

  /** The template map: the 48 order-1 pixels, density proportional to 1 + (i mod 7), normalised. */
  static final int ORDER = 1;

  private SkymapFits() {}

  static long[] templateUniq() {
    long[] uniq = new long[48];
    for (int i = 0; i < uniq.length; i++) {
      uniq[i] = 4L * (1L << (2 * ORDER)) + i;
    }
    return uniq;
  }

  /** Densities (sr^-1) whose probabilities sum to 1 over the given order-1 pixels. */
  static double[] normalisedDensity(int pixels) {
    double area = Math.PI / 3 / (1 << (2 * ORDER));
    double[] weight = new double[pixels];
    double total = 0;
    for (int i = 0; i < pixels; i++) {
      weight[i] = 1 + (i % 7);
      total += weight[i];
    }
    for (int i = 0; i < pixels; i++) {
      weight[i] = weight[i] / (total * area);
    }
    return weight;
  }

  static double[] constant(int n, double value) {
    double[] out = new double[n];
    Arrays.fill(out, value);
    return out;
  }

  /** The valid template map, gzip-compressed FITS. */
  static byte[] template() {
    long[] uniq = templateUniq();
    return nuniq("NUNIQ", uniq, normalisedDensity(uniq.length));
  }

  /** A NUNIQ map with the given UNIQ and density and constant distance columns, gzip-compressed. */
  static byte[] nuniq(String ordering, long[] uniq, double[] density) {
    int n = uniq.length;
    return gzip(table(ordering,
        new String[] {"UNIQ", "PROBDENSITY", "DISTMU", "DISTSIGMA", "DISTNORM"},
        new Object[] {uniq, density, constant(n, 120.0), constant(n, 30.0), constant(n, 6.0e-5)}));
  }

  /** A primary HDU and one binary table with the named columns, uncompressed. */
  static byte[] table(String ordering, String[] names, Object[] columns) {
    try {
      BinaryTable table = BinaryTable.fromColumnMajor(columns);
      BinaryTableHDU hdu = table.toHDU();
      for (int i = 0; i < names.length; i++) {
        hdu.setColumnName(i, names[i], null);
      }
      if (ordering != null) {
        hdu.getHeader().addValue("ORDERING", ordering, "pixel ordering");
      }
      hdu.getHeader().addValue("DISTMEAN", 126.0, "posterior mean distance (Mpc)");
      hdu.getHeader().addValue("DISTSTD", 29.0, "posterior standard deviation of distance (Mpc)");
      return write(hdu);
    } catch (FitsException e) {
      throw new IllegalStateException("Could not build a FITS table: " + e.getMessage(), e);
    }
  }

  /** A FITS file holding only an empty primary HDU (no table). */
  static byte[] primaryOnly() {
    return write(null);
  }

  private static byte[] write(BinaryTableHDU hdu) {
    try (Fits fits = new Fits(); ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FitsOutputStream out = new FitsOutputStream(bytes)) {
      fits.addHDU(Fits.makeHDU((Object) new int[0]));
      if (hdu != null) {
        fits.addHDU(hdu);
      }
      fits.write(out);
      out.flush();
      return withFixedFirstCard(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (FitsException e) {
      throw new IllegalStateException("Could not write FITS: " + e.getMessage(), e);
    }
  }

  /**
   * nom-tam-fits writes the current time into the SIMPLE card's comment; the corpus must be
   * reproducible, so that card is replaced by a fixed one of the same length.
   */
  static byte[] withFixedFirstCard(byte[] fits) {
    String card = String.format("%-80s", "SIMPLE  =                    T / conforms to FITS standard");
    byte[] out = fits.clone();
    System.arraycopy(card.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, out, 0, 80);
    return out;
  }

  static byte[] gzip(byte[] plain) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(plain);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
