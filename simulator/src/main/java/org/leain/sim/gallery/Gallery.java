package org.leain.sim.gallery;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.dataset.DatasetGenerator;
import org.leain.sim.gw.LisaNoise;
import org.leain.sim.gw.StrainGrid;
import org.leain.sim.prior.Theta;

/**
 * A PNG gallery for judging realism by eye: example simulated spectra across the prior (noisy and
 * noise-free), a simulation near UNCOVER 45924's redshift beside the real PRISM spectrum, and
 * example whitened strains with the noise curve.
 */
public final class Gallery {

  private static final int PANEL_W = 560;
  private static final int PANEL_H = 360;
  private static final Path REAL_SPECTRUM =
      Path.of("data", "jwst", "uncover-v4_prism-clear_2561_45924.spec1d.csv");

  private final Simulator simulator;
  private final long seed;

  /** A gallery of events drawn with the dataset seed {@code seed}. */
  public Gallery(Simulator simulator, long seed) {
    this.simulator = simulator;
    this.seed = seed;
  }

  /** Writes spectra.png and strains.png into {@code dir}; returns their paths. */
  public List<Path> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    written.add(save(spectra(), dir.resolve("spectra.png")));
    written.add(save(strains(), dir.resolve("strains.png")));
    return written;
  }

  private List<XYChart> spectra() throws IOException {
    List<XYChart> charts = new ArrayList<>();
    double[] wl = simulator.spectralGrid().wavelengthUm();
    for (int i = 0; i < 5; i++) {
      Theta theta = DatasetGenerator.eventTheta(seed, i);
      long obsSeed = DatasetGenerator.eventSeed(seed, i);
      Observation clean = simulator.simulateNoiseFree(theta, obsSeed);
      Observation noisy = simulator.simulate(theta, obsSeed);
      XYChart c = chart(String.format(Locale.ROOT,
          "z=%.2f logM=%.2f logλ=%.2f logMh=%.1f logJ21=%.1f logZ=%.1f", theta.z(),
          theta.log10MbhMsun(), theta.log10LambdaEdd(), theta.log10MhaloMsun(), theta.log10J21(),
          theta.log10ZZsun()), "observed wavelength (um)", "f_nu (uJy)");
      line(c, "simulated (noisy)", wl, noisy.fluxUjy(), new Color(120, 120, 220));
      line(c, "noise-free", wl, clean.fluxUjy(), Color.BLACK);
      charts.add(c);
    }
    charts.add(realBesideSimulation(wl));
    return charts;
  }

  private XYChart realBesideSimulation(double[] wl) throws IOException {
    XYChart c = chart("UNCOVER 45924 (real, z=4.463) vs a simulation at z=4.463",
        "observed wavelength (um)", "f_nu (uJy)");
    Path file = repoRoot().resolve(REAL_SPECTRUM);
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.startsWith("#") || line.startsWith("wave")) {
        continue;
      }
      String[] f = line.split(",");
      double w = parse(f[0]);
      double flux = parse(f[1]);
      if (Double.isFinite(flux) && w >= 0.6 && w <= 5.3) {
        rows.add(new double[] {w, flux});
      }
    }
    double[] rw = rows.stream().mapToDouble(r -> r[0]).toArray();
    double[] rf = rows.stream().mapToDouble(r -> r[1]).toArray();
    line(c, "UNCOVER 45924 PRISM (real)", rw, rf, new Color(200, 60, 60));
    Theta near = new Theta(4.463, 8.0, -0.5, 11.5, 2.0, -1.0, 0.5, 1.0);
    Observation sim = simulator.simulate(near, 7);
    line(c, "simulated z=4.463 logM=8 logλ=-0.5", wl, sim.fluxUjy(), Color.BLACK);
    return c;
  }

  private List<XYChart> strains() {
    List<XYChart> charts = new ArrayList<>();
    StrainGrid grid = simulator.strainGrid();
    double[] u = grid.lnTauValues();
    double[] re = new double[grid.size()];
    double[] im = new double[grid.size()];
    double[] masses = {4.3, 5.3, 6.3, 7.3, 8.3};
    SplittableRandom random = new SplittableRandom(seed);
    for (double logM : masses) {
      Theta base = DatasetGenerator.eventTheta(seed, (long) (logM * 10));
      Theta theta = new Theta(base.z(), logM, base.log10LambdaEdd(), base.log10MhaloMsun(),
          base.log10J21(), base.log10ZZsun(), base.massRatio(), base.phiCRad());
      long obsSeed = random.nextLong();
      Observation clean = simulator.simulateNoiseFree(theta, obsSeed);
      Observation noisy = simulator.simulate(theta, obsSeed);
      double snr = simulator.gwModel().optimalSnr(theta, re, im);
      XYChart c = chart(String.format(Locale.ROOT,
          "z=%.2f logM_BH=%.1f q=%.2f  M_det=%.2g Msun  SNR=%.3g", theta.z(), logM,
          theta.massRatio(), theta.detectorFrameTotalMassMsun(), snr),
          "ln(tau / 1 s), tau = time before reference", "whitened strain, channel A");
      line(c, "noisy", u, noisy.strainA(), new Color(120, 120, 220));
      line(c, "noise-free", u, clean.strainA(), Color.BLACK);
      charts.add(c);
    }
    XYChart psd = chart("LISA-like noise (Robson et al. 2019) at f = 1/tau", "ln(tau / 1 s)",
        "log10 sqrt(S_n) (1/sqrt(Hz))");
    line(psd, "log10 ASD", u, LisaNoise.log10AsdOnGrid(grid), Color.BLACK);
    charts.add(psd);
    return charts;
  }

  /** Parses a CSV number; msaexp writes "nan" for missing values. */
  private static double parse(String field) {
    String t = field.trim();
    return t.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(t);
  }

  private static XYChart chart(String title, String x, String y) {
    XYChart c = new XYChartBuilder().width(PANEL_W).height(PANEL_H).title(title).xAxisTitle(x)
        .yAxisTitle(y).build();
    c.getStyler().setChartTitleFont(c.getStyler().getChartTitleFont().deriveFont(11f));
    c.getStyler().setLegendFont(c.getStyler().getLegendFont().deriveFont(10f));
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    c.getStyler().setXAxisDecimalPattern("0.#");
    return c;
  }

  private static void line(XYChart c, String name, double[] x, double[] y, Color color) {
    XYSeries s = c.addSeries(name, x, y);
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineWidth(1.0f);
  }

  private static Path save(List<XYChart> charts, Path file) throws IOException {
    int cols = 2;
    int rows = (charts.size() + cols - 1) / cols;
    BufferedImage image = new BufferedImage(cols * PANEL_W, rows * PANEL_H,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    for (int k = 0; k < charts.size(); k++) {
      Graphics2D panel = (Graphics2D) g.create((k % cols) * PANEL_W, (k / cols) * PANEL_H,
          PANEL_W, PANEL_H);
      charts.get(k).paint(panel, PANEL_W, PANEL_H);
      panel.dispose();
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  /** The repository root: system property leain.root, else the nearest ancestor holding data/. */
  static Path repoRoot() throws IOException {
    String property = System.getProperty("leain.root");
    if (property != null && Files.isDirectory(Path.of(property, "data"))) {
      return Path.of(property);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("data").resolve("jwst"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IOException("Expected a directory data/jwst above " + Path.of("").toAbsolutePath()
        + " or -Dleain.root. Actual: none");
  }
}
