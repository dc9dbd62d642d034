package org.leain.posterior.adapter;

import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumReader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpectrumResamplerTest {

  static final int BINS = 320;
  static final double LN_MIN = Math.log(0.6);
  static final double STEP = (Math.log(5.3) - LN_MIN) / BINS;

  static Path repoRoot() {
    String root = System.getProperty("leain.root");
    Path p = root != null ? Paths.get(root) : Paths.get("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("data"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("Expected a repository root holding data/. Actual: none");
    }
    return p;
  }

  @Test
  void resampling_conservesTheFluxIntegral_ofASyntheticSpectrumOnAnIrregularGrid() {
    // Pixels with a spacing growing like PRISM's (finer in the red), covering more than the grid.
    List<Double> centres = new ArrayList<>();
    double lam = 0.5;
    while (lam < 5.5) {
      centres.add(lam);
      lam += 0.004 + 0.02 * Math.exp(-Math.pow((lam - 1.2) / 0.5, 2));
    }
    int n = centres.size();
    double[] w = new double[n];
    double[] f = new double[n];
    double[] e = new double[n];
    for (int j = 0; j < n; j++) {
      w[j] = centres.get(j);
      f[j] = 3 + Math.sin(7 * w[j]) + 5 * Math.exp(-Math.pow((w[j] - 2.7) / 0.01, 2));
      e[j] = 0.1;
    }
    SpectrumResampler resampler = new SpectrumResampler(BINS, LN_MIN, STEP);
    SpectrumResampler.Resampled out = resampler.resample(w, f, e, null);
    double[] edges = resampler.edgesUm();
    double gridIntegral = 0;
    for (int b = 0; b < BINS; b++) {
      assertEquals(1f, out.mask()[b]);
      gridIntegral += out.flux()[b] * (edges[b + 1] - edges[b]);
    }
    // Integral of the piecewise-constant input over [0.6, 5.3] um, computed independently.
    double inputIntegral = 0;
    for (int j = 0; j < n; j++) {
      double lo = j == 0 ? w[0] - 0.5 * (w[1] - w[0]) : 0.5 * (w[j - 1] + w[j]);
      double hi = j == n - 1 ? w[j] + 0.5 * (w[j] - w[j - 1]) : 0.5 * (w[j] + w[j + 1]);
      inputIntegral += f[j] * Math.max(0, Math.min(hi, 5.3) - Math.max(lo, 0.6));
    }
    assertEquals(inputIntegral, gridIntegral, 1e-5 * inputIntegral);
  }

  @Test
  void resamplingOneBinFromTwoEqualPixels_halvesTheErrorLikeAnAverage() {
    // Two pixels exactly tiling one output bin: the mean of two independent errors is e / sqrt(2).
    SpectrumResampler resampler = new SpectrumResampler(1, 0.0, Math.log(3));
    SpectrumResampler.Resampled out = resampler.resample(
        new double[] {1.5, 2.5}, new double[] {2, 4}, new double[] {0.2, 0.2}, null);
    assertEquals(3.0, out.flux()[0], 1e-6);
    assertEquals(0.2 / Math.sqrt(2), out.fluxErr()[0], 1e-6);
  }

  @Test
  void realPrismSpectrum_isResampled_withNanPixelsMaskedAndCoveredBinsValid() throws IOException {
    Path csv = repoRoot().resolve("data/jwst/uncover-v4_prism-clear_2561_45924.spec1d.csv");
    JwstSpectrum table = SpectrumReader.read(Files.readAllBytes(csv), csv.getFileName().toString());
    assertEquals(473, table.wavelengthUm().length);
    int n = table.wavelengthUm().length;
    double[] w = table.wavelengthUm();
    double[] f = table.fluxUjy();
    double[] e = table.fluxErrUjy();
    int finite = 0;
    for (int j = 0; j < n; j++) {
      if (Double.isFinite(f[j])) {
        finite++;
      }
    }
    assertTrue(finite < n, "the file has NaN pixels to mask");
    SpectrumResampler.Resampled out = new SpectrumResampler(BINS, LN_MIN, STEP).resample(w, f, e, null);
    int valid = 0;
    for (int b = 0; b < BINS; b++) {
      if (out.mask()[b] == 1f) {
        valid++;
        assertTrue(Float.isFinite(out.flux()[b]) && out.fluxErr()[b] > 0, "bin " + b);
      } else {
        assertEquals(0f, out.flux()[b]);
      }
    }
    // PRISM covers ~0.6-5.3 um; the NaN pixels sit at the blue end of this file.
    assertTrue(valid > 280, "valid bins " + valid);
    // Bins entirely blueward of the first finite pixel must be masked.
    double firstFinite = Double.NaN;
    for (int j = 0; j < n; j++) {
      if (Double.isFinite(f[j])) {
        firstFinite = j == 0 ? w[0] : 0.5 * (w[j - 1] + w[j]);
        break;
      }
    }
    double[] edges = new SpectrumResampler(BINS, LN_MIN, STEP).edgesUm();
    for (int b = 0; b < BINS && edges[b + 1] <= firstFinite; b++) {
      assertEquals(0f, out.mask()[b], "bin " + b + " lies blueward of all valid pixels");
    }
  }
}
