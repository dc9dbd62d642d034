package org.leain.stream.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.leain.contracts.AlertType;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.GwProvenance;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.SourceFormat;
import org.leain.contracts.Spectrum;
import org.leain.contracts.SpectrumProvenance;
import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumReader;
import org.leain.sky.jwst.SpectrumRecords;
import org.leain.sky.healpix.Healpix;
import org.leain.sky.healpix.Nuniq;

/** Test inputs: real data files, and synthetic maps and spectra whose geometry a test can reason about. */
public final class Fixtures {
  private Fixtures() {}

  /** The repository root: system property leain.root, else the first parent holding data/. */
  public static Path root() {
    String property = System.getProperty("leain.root");
    if (property != null && Files.isDirectory(Path.of(property, "data"))) {
      return Path.of(property);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("data/lvk"))) {
        return p;
      }
    }
    throw new IllegalStateException("Expected a parent directory holding data/lvk. Actual: none above "
        + Path.of("").toAbsolutePath());
  }

  public static byte[] read(String relative) {
    try {
      return Files.readAllBytes(root().resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A flat map at {@code order} (NUNIQ) whose density is a Gaussian blob of width {@code sigmaDeg}
   * around a position; the 90% region is a disc of radius ~2.15 sigma.
   */
  public static MultiOrderSkymap gaussianMap(double raDeg, double decDeg, double sigmaDeg, int order) {
    int n = (int) Healpix.pixelCount(order);
    List<Long> uniq = new ArrayList<>(n);
    double[] weight = new double[n];
    double total = 0;
    double area = Healpix.pixelAreaSr(order);
    for (int i = 0; i < n; i++) {
      double[] centre = Healpix.pixelCentreDeg(order, i);
      double d = separationDeg(raDeg, decDeg, centre[0], centre[1]);
      weight[i] = Math.exp(-0.5 * d * d / (sigmaDeg * sigmaDeg)) + 1e-12;
      total += weight[i] * area;
      uniq.add(Nuniq.encode(order, i));
    }
    List<Double> density = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      density.add(weight[i] / total);
    }
    return MultiOrderSkymap.newBuilder().setUniq(uniq).setProbdensityPerSr(density).setMaxOrder(order).build();
  }

  /** A GW candidate as the simulated feed or the normaliser writes it. */
  public static GwCandidate candidate(String id, AlertType type, int version, long timeCreatedMs, MultiOrderSkymap map) {
    return GwCandidate.newBuilder()
        .setSupereventId(id)
        .setAlertType(type)
        .setVersion(version)
        .setTimeCreatedMs(timeCreatedMs)
        .setEventTimeIso(type == AlertType.RETRACTION ? null : "2026-11-01T00:00:00Z")
        .setSkymap(type == AlertType.RETRACTION ? null : map)
        .setProvenance(new GwProvenance("test", SourceFormat.SIMULATED, null, null))
        .setMock(true)
        .build();
  }

  /** A smooth synthetic spectrum of 64 bins at a position. */
  public static Spectrum spectrum(String id, double raDeg, double decDeg) {
    List<Double> wave = new ArrayList<>();
    List<Double> flux = new ArrayList<>();
    List<Double> err = new ArrayList<>();
    List<Boolean> mask = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      wave.add(0.6 + i * 0.07);
      flux.add(1.0 + 0.01 * i);
      err.add(0.1);
      mask.add(true);
    }
    return Spectrum.newBuilder().setSpectrumId(id).setTargetName(id).setRaDeg(raDeg).setDecDeg(decDeg)
        .setInstrument("NIRSpec").setGrating("PRISM").setWavelengthUm(wave).setFluxUjy(flux).setFluxErrUjy(err)
        .setMask(mask).setNMasked(0).setObservationTimeMs(null)
        .setProvenance(new SpectrumProvenance("SIMULATED", null, null, null)).build();
  }

  /**
   * The real UNCOVER 45924 PRISM spectrum (DJA msaexp v4 FITS, z = 4.463 from the de Graaff+2025
   * catalogue) read by the sky module's reader, placed at a chosen position (the test puts it inside
   * a GW region).
   */
  public static Spectrum uncover45924(double raDeg, double decDeg) {
    JwstSpectrum spectrum = SpectrumReader.read(read("data/jwst/uncover-v4_prism-clear_2561_45924.spec.fits"),
        "uncover-v4_prism-clear_2561_45924.spec.fits");
    return SpectrumRecords.toSpectrum(spectrum.withPosition(raDeg, decDeg), "UNCOVER-45924", 4.463361263885918, null);
  }

  /** Great-circle separation in degrees (haversine). */
  public static double separationDeg(double ra1, double dec1, double ra2, double dec2) {
    double p1 = Math.toRadians(dec1);
    double p2 = Math.toRadians(dec2);
    double dl = Math.toRadians(ra2 - ra1);
    double h = Math.pow(Math.sin((p2 - p1) / 2), 2) + Math.cos(p1) * Math.cos(p2) * Math.pow(Math.sin(dl / 2), 2);
    return Math.toDegrees(2 * Math.asin(Math.min(1, Math.sqrt(h))));
  }

}
