package org.leain.hostile;

import nom.tam.fits.BinaryTable;
import nom.tam.fits.BinaryTableHDU;
import nom.tam.fits.Fits;
import nom.tam.fits.FitsException;
import nom.tam.util.FitsOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.leain.hostile.HostileCase.Owner;
import org.leain.hostile.HostileCase.Recipe;

/**
 * Broken spectrum files (CSV as DJA exports it, msaexp FITS), read at ingest by
 * {@code SpectrumReader} and turned into records by {@code SpectrumRecords.toSpectrum}; they
 * never reach a topic, so they have no dead-letter code. NaN, infinite or negative errors and a
 * declination off the sphere are read as the reader documents: such bins are masked, and an
 * unusable position is dropped (then {@code NO_POSITION}).
 */
final class SpectrumFileCases {

  static final String TOPIC = "file";
  private static final String HEADER = "wave_um,flux_uJy,err_uJy\n";

  private SpectrumFileCases() {}

  static String rows(int n, String error) {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < n; i++) {
      csv.append(0.6 + 0.05 * i).append(',').append(0.5 + 0.01 * i).append(',').append(i == 3 ? error : "0.05")
          .append('\n');
    }
    return csv.toString();
  }

  private static void csv(CaseList cases, String name, String expected, String description, String text) {
    cases.add("spectrum-file-" + name, TOPIC, null, Owner.SPECTRUM_READER, expected, null, description,
        Templates.text(text));
  }

  static void addTo(CaseList cases) {
    String position = "# source hostile-1\n# RA 150.1 Dec 2.2\n";
    csv(cases, "csv-no-err-column", "MISSING_COLUMN", "a CSV with wave and flux columns only",
        position + "wave_um,flux_uJy\n0.6,1.0\n0.7,1.1\n");
    csv(cases, "csv-no-header", "MISSING_COLUMN", "only comment lines", position);
    csv(cases, "csv-wave-in-nm", "UNSUPPORTED_UNITS", "the wavelength column is wave_nm",
        position + "wave_nm,flux_uJy,err_uJy\n600,1.0,0.1\n");
    csv(cases, "csv-flux-in-cgs", "UNSUPPORTED_UNITS", "the flux column is flux_cgs",
        position + "wave_um,flux_cgs,err_uJy\n0.6,1.0,0.1\n");
    csv(cases, "csv-wavelength-decreasing", "BAD_WAVELENGTH", "wavelengths 0.7 then 0.6",
        position + HEADER + "0.7,1.0,0.1\n0.6,1.0,0.1\n");
    csv(cases, "csv-wavelength-negative", "BAD_WAVELENGTH", "a wavelength of -0.6 um",
        position + HEADER + "-0.6,1.0,0.1\n0.6,1.0,0.1\n");
    csv(cases, "csv-wavelength-nan", "BAD_WAVELENGTH", "a wavelength of nan",
        position + HEADER + "0.6,1.0,0.1\nnan,1.0,0.1\n");
    csv(cases, "csv-text-in-number", "UNREADABLE", "a flux of 'twelve'",
        position + HEADER + "0.6,twelve,0.1\n");
    csv(cases, "csv-short-row", "UNREADABLE", "a row with two fields", position + HEADER + "0.6,1.0\n");
    csv(cases, "csv-no-rows", "MISSING_COLUMN", "a header and no bins", position + HEADER);
    csv(cases, "csv-no-position", "NO_POSITION", "valid bins but no RA/Dec comment", HEADER + rows(16, "0.05"));
    csv(cases, "csv-dec-off-sphere", "NO_POSITION", "RA 150.1 Dec 95: the position is dropped, leaving none",
        "# RA 150.1 Dec 95\n" + HEADER + rows(16, "0.05"));
    csv(cases, "csv-error-nan", "NO_OP", "bin 3's error is nan: the bin is masked, the spectrum is valid",
        position + HEADER + rows(16, "nan"));
    csv(cases, "csv-error-inf", "NO_OP", "bin 3's error is inf: the bin is masked", position + HEADER + rows(16, "inf"));
    csv(cases, "csv-error-negative", "NO_OP", "bin 3's error is -0.05: the bin is masked",
        position + HEADER + rows(16, "-0.05"));
    cases.add("spectrum-file-empty", TOPIC, null, Owner.SPECTRUM_READER, "UNREADABLE", null, "zero bytes", new byte[0]);
    cases.add("spectrum-file-fits-no-err-column", TOPIC, null, Owner.SPECTRUM_READER, "MISSING_COLUMN", null,
        "an msaexp-style FITS whose SPEC1D table lacks the err column",
        spec1d(new String[] {"wave", "flux"}, new String[] {"um", "uJy"}));
    cases.add("spectrum-file-fits-flux-in-mjy", TOPIC, null, Owner.SPECTRUM_READER, "UNSUPPORTED_UNITS", null,
        "an msaexp-style FITS whose flux column is in mJy",
        spec1d(new String[] {"wave", "flux", "err"}, new String[] {"um", "mJy", "uJy"}));
    cases.add("spectrum-file-fits-no-spec1d", TOPIC, null, Owner.SPECTRUM_READER, "MISSING_COLUMN", null,
        "a FITS file with no SPEC1D table", SkymapFits.primaryOnly());
    cases.generated("spectrum-file-csv-over-two-hundred-thousand-rows", TOPIC, null, Owner.SPECTRUM_READER,
        "TOO_LARGE", null, null, "a CSV of 200,001 bins, one over the reader's 200,000: it stops "
            + "there; reading costs ~1 KB a row up to the limit", new Recipe("spectrum-csv-rows", 200_001), 320);
  }

  private static byte[] spec1d(String[] names, String[] units) {
    double[][] columns = new double[names.length][16];
    for (int i = 0; i < 16; i++) {
      columns[0][i] = 0.6 + 0.05 * i;
      for (int c = 1; c < names.length; c++) {
        columns[c][i] = c == 1 ? 1.0 : 0.1;
      }
    }
    try {
      BinaryTableHDU hdu = BinaryTable.fromColumnMajor(columns).toHDU();
      for (int c = 0; c < names.length; c++) {
        hdu.setColumnName(c, names[c], null);
        hdu.getHeader().addValue("TUNIT" + (c + 1), units[c], null);
      }
      hdu.getHeader().addValue("EXTNAME", "SPEC1D", null);
      hdu.getHeader().addValue("SRCRA", 150.1, null);
      hdu.getHeader().addValue("SRCDEC", 2.2, null);
      try (Fits fits = new Fits(); ByteArrayOutputStream bytes = new ByteArrayOutputStream();
          FitsOutputStream out = new FitsOutputStream(bytes)) {
        fits.addHDU(Fits.makeHDU((Object) new int[0]));
        fits.addHDU(hdu);
        fits.write(out);
        out.flush();
        return SkymapFits.withFixedFirstCard(bytes.toByteArray());
      }
    } catch (FitsException | IOException e) {
      throw new IllegalStateException("Could not write a SPEC1D FITS: " + e.getMessage(), e);
    }
  }
}
