package org.leain.sky.jwst;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.leain.contracts.Spectrum;
import org.leain.sky.testdata.TestData;

/** The real UNCOVER 45924 spectrum (data/jwst) in both formats. */
class SpectrumReaderTest {

  private static final String FITS = "uncover-v4_prism-clear_2561_45924.spec.fits";
  private static final String CSV = "uncover-v4_prism-clear_2561_45924.spec1d.csv";

  private static JwstSpectrum fits() {
    return SpectrumReader.read(TestData.dataBytes("jwst/" + FITS), FITS);
  }

  private static JwstSpectrum csv() {
    return SpectrumReader.read(TestData.dataBytes("jwst/" + CSV), CSV);
  }

  @Test
  void msaexpFits_gives473Bins_theSourcePosition_andTheObservation() {
    JwstSpectrum s = fits();
    assertEquals(473, s.size());
    assertEquals(3.5847600654669716, s.raDeg(), 0);
    assertEquals(-30.34362752753509, s.decDeg(), 0);
    assertEquals("2561_45924", s.sourceName());
    assertEquals("PRISM", s.grating());
    assertEquals("CLEAR", s.filter());
    assertEquals("NIRSPEC", s.instrument());
    assertEquals("2023-08-01T09:51:59.517", s.observationStartUtc());
    assertEquals(0.54, s.wavelengthUm()[0], 1e-12);
    assertTrue(s.reduction().startsWith("msaexp "));
  }

  @Test
  void nanFluxesAndErrors_areMaskedAndCounted_neverDropped() {
    JwstSpectrum s = fits();
    int nan = 0;
    for (int i = 0; i < s.size(); i++) {
      boolean bad = Double.isNaN(s.fluxUjy()[i]) || !(s.fluxErrUjy()[i] > 0);
      assertEquals(!bad, s.usable()[i], "bin " + i);
      nan += bad ? 1 : 0;
    }
    assertEquals(5, nan); // astropy: 5 NaN fluxes, 5 NaN errors, same bins
    assertEquals(5, s.maskedCount());
    assertFalse(s.usable()[0]);
  }

  @Test
  void fitsAndCsv_giveTheSameArrays_withinTheCsvsSevenDigits() {
    JwstSpectrum f = fits();
    JwstSpectrum c = csv();
    assertEquals(f.size(), c.size());
    assertEquals(f.maskedCount(), c.maskedCount());
    for (int i = 0; i < f.size(); i++) {
      assertEquals(f.usable()[i], c.usable()[i], "mask " + i);
      assertEquals(f.wavelengthUm()[i], c.wavelengthUm()[i], 1e-6, "wave " + i);
      if (f.usable()[i]) {
        assertEquals(f.fluxUjy()[i], c.fluxUjy()[i], 1e-6 * Math.abs(f.fluxUjy()[i]), "flux " + i);
        assertEquals(f.fluxErrUjy()[i], c.fluxErrUjy()[i], 1e-6 * f.fluxErrUjy()[i], "err " + i);
      }
    }
    assertEquals(f.raDeg(), c.raDeg(), 0);
    assertEquals(f.decDeg(), c.decDeg(), 0);
    assertEquals(4.463361263885918, c.redshift(), 0);
  }

  @Test
  void nonPositiveErrors_areMasked() {
    String csv = "wave_um,flux_uJy,err_uJy\n1.0,2.0,0.1\n1.1,2.0,0\n1.2,2.0,-1\n1.3,nan,0.1\n1.4,2.0,nan\n";
    JwstSpectrum s = SpectrumReader.readCsv(csv.getBytes(StandardCharsets.UTF_8), "t.csv");
    assertEquals(5, s.size());
    assertEquals(4, s.maskedCount());
    assertTrue(s.usable()[0]);
    assertFalse(s.hasPosition());
  }

  @Test
  void csvWithoutErrColumn_isRejectedNamingIt() {
    InvalidSpectrumException e = assertThrows(InvalidSpectrumException.class,
        () -> SpectrumReader.readCsv("wave,flux\n1,2\n".getBytes(StandardCharsets.UTF_8), "t.csv"));
    assertEquals(InvalidSpectrumException.Reason.MISSING_COLUMN, e.reason());
    assertTrue(e.getMessage().contains("err"));
  }

  @Test
  void decreasingWavelengths_areRejected() {
    InvalidSpectrumException e = assertThrows(InvalidSpectrumException.class, () -> SpectrumReader
        .readCsv("wave,flux,err\n2,1,1\n1,1,1\n".getBytes(StandardCharsets.UTF_8), "t.csv"));
    assertEquals(InvalidSpectrumException.Reason.BAD_WAVELENGTH, e.reason());
  }

  @Test
  void fitsWithoutSpec1d_isRejected() {
    InvalidSpectrumException e = assertThrows(InvalidSpectrumException.class,
        () -> SpectrumReader.read(TestData.dataBytes("lvk/bayestar.multiorder.fits"), "x.fits"));
    assertEquals(InvalidSpectrumException.Reason.MISSING_COLUMN, e.reason());
  }

  @Test
  void contractRecord_carriesArraysMaskPositionAndTime() {
    Spectrum r = SpectrumRecords.toSpectrum(fits(), "uncover_45924_prism", 4.463, 1234L);
    assertEquals("uncover_45924_prism", r.getSpectrumId());
    assertEquals(473, r.getWavelengthUm().size());
    assertEquals(473, r.getMask().size());
    assertEquals(5, r.getNMasked());
    assertEquals(5, r.getMask().stream().filter(m -> !m).count());
    assertEquals(3.5847600654669716, r.getRaDeg(), 0);
    assertEquals(4.463, r.getRedshiftSpec(), 0);
    assertEquals(1690883519517L, r.getObservationTimeMs()); // 2023-08-01T09:51:59.517Z
    assertEquals("DJA", r.getProvenance().getArchive());
    assertEquals(FITS, r.getProvenance().getFileName());
  }

  @Test
  void contractRecord_withoutPosition_isRejected_unlessGivenOne() {
    JwstSpectrum s = SpectrumReader.readCsv("wave,flux,err\n1,1,1\n".getBytes(StandardCharsets.UTF_8), "t.csv");
    assertEquals(InvalidSpectrumException.Reason.NO_POSITION, assertThrows(InvalidSpectrumException.class,
        () -> SpectrumRecords.toSpectrum(s, "t", Double.NaN, null)).reason());
    assertEquals(10.0, SpectrumRecords.toSpectrum(s.withPosition(10, 20), "t", Double.NaN, null).getRaDeg(), 0);
  }
}
