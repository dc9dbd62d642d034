package org.leain.validation.dcbh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.adapter.SpectrumResampler;
import org.leain.posterior.network.InputEncoding;
import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumReader;

/**
 * The input side of the sim-to-real finding (posterior/RESULTS.md): the real UNCOVER 45924 PRISM
 * spectrum reaches leain-v1 fully covered and with a flux scale inside the training range, so its
 * posterior piling at z = 12 is not an input-adapter artefact. Reference values: the spectrum's own
 * pixels (integrated independently here) and the committed manifest's normalisation.
 */
class RealSpectrumInputTest {

  static final String SPECTRUM = "data/jwst/uncover-v4_prism-clear_2561_45924.spec1d.csv";

  private static JwstSpectrum real() throws Exception {
    Path csv = ValidateCommandTest.root().resolve(SPECTRUM);
    return SpectrumReader.read(Files.readAllBytes(csv), csv.getFileName().toString());
  }

  private static ModelManifest leainV1() throws Exception {
    return ModelManifest.read(ValidateCommandTest.root().resolve("model-artifacts/models/leain-v1/manifest.json"));
  }

  @Test
  void uncover45924_onTheLeainV1Grid_hasEveryBinValid_andAFluxScaleInsideTheTrainingRange() throws Exception {
    ModelManifest manifest = leainV1();
    ModelManifest.Grid grid = manifest.sedGrid();
    JwstSpectrum s = real();
    SpectrumResampler.Resampled r = new SpectrumResampler(grid.size(), grid.lnFirst(), grid.lnStep())
        .resample(s.wavelengthUm(), s.fluxUjy(), s.fluxErrUjy(), s.usable());
    int valid = 0;
    for (float m : r.mask()) {
      valid += m > 0.5f ? 1 : 0;
    }
    assertEquals(grid.size(), valid, "the 0.55-5.50 um spectrum covers the whole 0.60-5.30 um grid");
    double lnScale = InputEncoding.lnScale(r.flux(), r.fluxErr(), r.mask());
    double sigmas = (lnScale - manifest.normalisation().lnScaleMean()) / manifest.normalisation().lnScaleStd();
    assertTrue(Math.abs(sigmas) < 2, "flux scale " + sigmas + " sigma from the training mean");
  }

  @Test
  void uncover45924_rebinnedOntoTheLeainV1Grid_conservesTheHalphaLineFlux() throws Exception {
    ModelManifest.Grid grid = leainV1().sedGrid();
    JwstSpectrum s = real();
    SpectrumResampler resampler = new SpectrumResampler(grid.size(), grid.lnFirst(), grid.lnStep());
    SpectrumResampler.Resampled r = resampler.resample(s.wavelengthUm(), s.fluxUjy(), s.fluxErrUjy(), s.usable());
    double[] edges = resampler.edgesUm();
    // Grid bins spanning broad H-alpha at z = 4.463 (observed 3.585 um).
    int first = 0;
    while (edges[first] < 3.45) {
      first++;
    }
    int last = first;
    while (edges[last + 1] < 3.75) {
      last++;
    }
    double rebinned = 0;
    for (int b = first; b <= last; b++) {
      rebinned += r.flux()[b] * (edges[b + 1] - edges[b]);
    }
    // Trapezoid integral of the raw pixels over the same wavelength range.
    double lo = edges[first];
    double hi = edges[last + 1];
    double raw = 0;
    double[] w = s.wavelengthUm();
    double[] f = s.fluxUjy();
    for (int j = 0; j + 1 < w.length; j++) {
      double a = Math.max(lo, w[j]);
      double b = Math.min(hi, w[j + 1]);
      if (b > a) {
        double fa = f[j] + (f[j + 1] - f[j]) * (a - w[j]) / (w[j + 1] - w[j]);
        double fb = f[j] + (f[j + 1] - f[j]) * (b - w[j]) / (w[j + 1] - w[j]);
        raw += 0.5 * (fa + fb) * (b - a);
      }
    }
    assertEquals(raw, rebinned, 0.03 * raw, "H-alpha region integral of f_nu d(lambda), uJy um");
  }
}
