package org.leain.training;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.ParameterSummary;
import org.leain.posterior.Posterior;
import org.leain.posterior.PosteriorEstimator;
import org.leain.posterior.PosteriorModel;
import org.leain.posterior.SpectrumArrays;
import org.leain.posterior.StrainArrays;
import org.leain.sky.jwst.JwstSpectrum;
import org.leain.sky.jwst.SpectrumReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./leain infer}: the posterior summary of one event. */
@Command(name = "infer", mixinStandardHelpOptions = true,
    description = "Print the DCBH posterior of one event from its spectrum (and optional strain).")
public final class InferCommand implements Callable<Integer> {

  /** The default model, relative to the repository root. */
  static final String DEFAULT_MODEL = "model-artifacts/models/leain-v1";

  @Option(names = "--spectrum", required = true,
      description = "Spectrum CSV with columns wave_um, flux_uJy, err_uJy ('nan' = missing).")
  Path spectrum;

  @Option(names = "--ra", description = "Right ascension, degrees (reported; not a network input).")
  Double raDeg;

  @Option(names = "--dec", description = "Declination, degrees (reported; not a network input).")
  Double decDeg;

  @Option(names = "--strain",
      description = "Whitened strain CSV on the model's strain grid: columns a, e[, mask].")
  Path strain;

  @Option(names = "--model", description = "Model directory (default: " + DEFAULT_MODEL + ").")
  Path model;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TorchThreads.useUnlessSet(1);
    Path modelDir = model != null ? model : repoRoot().resolve(DEFAULT_MODEL);
    // msaexp .spec.fits (plain or gzip) or a wave,flux,err CSV: the sky module's reader masks and
    // counts NaN fluxes and non-positive errors instead of dropping them.
    JwstSpectrum read = SpectrumReader.read(Files.readAllBytes(spectrum), spectrum.getFileName().toString());
    SpectrumArrays arrays = new SpectrumArrays(read.wavelengthUm(), read.fluxUjy(), read.fluxErrUjy(),
        read.usable());
    try (PosteriorModel loaded = PosteriorModel.load(modelDir);
        PosteriorEstimator estimator = loaded.newEstimator()) {
      StrainArrays strainArrays = strain == null ? null : readStrain(strain, loaded.manifest());
      Posterior posterior = estimator.infer(arrays, strainArrays);
      List<ParameterSummary> summaries = posterior.summaries();
      if (json) {
        ObjectNode root = ModelManifest.json().createObjectNode();
        root.put("model", loaded.manifest().name());
        root.put("spectrum", spectrum.getFileName().toString());
        if (raDeg != null) {
          root.put("raDeg", raDeg);
        }
        if (decDeg != null) {
          root.put("decDeg", decDeg);
        }
        ArrayNode modalities = root.putArray("modalities");
        posterior.modalities().forEach(modalities::add);
        ArrayNode warnings = root.putArray("warnings");
        posterior.warnings().forEach(warnings::add);
        ArrayNode parameters = root.putArray("parameters");
        for (ParameterSummary s : summaries) {
          parameters.add(ModelManifest.json().valueToTree(s));
        }
        System.out.println(ModelManifest.json().writeValueAsString(root));
      } else {
        System.out.printf("model %s, modalities %s, %d posterior samples%n",
            loaded.manifest().name(), posterior.modalities(), Posterior.SUMMARY_SAMPLES);
        System.out.printf("%-18s %-16s %9s %9s %9s %9s %9s %9s %9s%n", "parameter", "unit", "mean",
            "std", "median", "p05", "p16", "p84", "p95");
        for (ParameterSummary s : summaries) {
          System.out.printf("%-18s %-16s %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f %9.3f%n", s.name(),
              s.unit(), s.mean(), s.std(), s.median(), s.p05(), s.p16(), s.p84(), s.p95());
        }
        posterior.warnings().forEach(w -> System.out.println("WARNING: " + w));
      }
    }
    return 0;
  }

  static StrainArrays readStrain(Path file, ModelManifest manifest) throws IOException {
    List<double[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#") || Character.isLetter(t.charAt(0))) {
        continue;
      }
      String[] parts = t.split("[,\\s]+");
      double[] row = new double[parts.length];
      for (int i = 0; i < parts.length; i++) {
        row[i] = Double.parseDouble(parts[i]);
      }
      rows.add(row);
    }
    int m = manifest.strainGrid().size();
    if (rows.size() != m) {
      throw new IOException("Expected " + m + " strain rows on the model's grid in " + file
          + ". Actual: " + rows.size());
    }
    float[] values = new float[2 * m];
    boolean[] mask = new boolean[m];
    for (int i = 0; i < m; i++) {
      double[] r = rows.get(i);
      values[i] = (float) r[0];
      values[m + i] = (float) r[1];
      mask[i] = r.length < 3 || r[2] > 0.5;
    }
    return new StrainArrays(values, mask);
  }

  /** The repository root: system property leain.root, else the nearest folder holding data/. */
  static Path repoRoot() {
    String root = System.getProperty("leain.root");
    if (root != null) {
      return Paths.get(root);
    }
    Path p = Paths.get("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("data"))) {
      p = p.getParent();
    }
    return p == null ? Paths.get("") : p;
  }

  /** Runs the command alone (the usual entry point is {@code ./leain infer}). */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new InferCommand()).execute(args));
  }
}
