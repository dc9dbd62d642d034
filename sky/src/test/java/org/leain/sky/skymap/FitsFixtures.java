package org.leain.sky.skymap;

import java.io.ByteArrayOutputStream;
import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.util.FitsOutputStream;

/** Writes small FITS tables in tests (to exercise the reader's error paths). */
final class FitsFixtures {

  private FitsFixtures() {}

  /** A primary HDU plus one binary table with the given named columns and header ORDERING. */
  static byte[] table(String ordering, String[] names, Object[] columns) throws Exception {
    BinaryTable table = BinaryTable.fromColumnMajor(columns);
    BinaryTableHDU hdu = table.toHDU();
    for (int i = 0; i < names.length; i++) {
      hdu.setColumnName(i, names[i], null);
    }
    if (ordering != null) {
      hdu.getHeader().addValue("ORDERING", ordering, "pixel ordering");
    }
    try (Fits fits = new Fits(); ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FitsOutputStream out = new FitsOutputStream(bytes)) {
      fits.addHDU(Fits.makeHDU((Object) new int[0]));
      fits.addHDU(hdu);
      fits.write(out);
      out.flush();
      return bytes.toByteArray();
    }
  }

  /** The twelve order-0 pixels with uniform density 1/(4 pi). */
  static long[] order0Uniq() {
    long[] uniq = new long[12];
    for (int i = 0; i < 12; i++) {
      uniq[i] = 4 + i;
    }
    return uniq;
  }

  static double[] uniformDensity(int n) {
    double[] d = new double[n];
    java.util.Arrays.fill(d, 1.0 / (4 * Math.PI));
    return d;
  }
}
