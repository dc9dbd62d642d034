package org.leain.hostile;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.leain.contracts.GwCandidate;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.Spectrum;

/** The committed corpus: the manifest, each case's bytes, and the expansion of compact recipes. */
public final class HostileCorpus {

  /** The manifest file's name inside the corpus folder. */
  public static final String MANIFEST = "manifest.json";

  static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The manifest's top level. */
  record Manifest(String generator, long seed, String note, List<HostileCase> cases) {}

  private final Path folder;
  private final List<HostileCase> cases;

  private HostileCorpus(Path folder, List<HostileCase> cases) {
    this.folder = folder;
    this.cases = List.copyOf(cases);
  }

  /** The corpus committed in this module's test resources. */
  public static HostileCorpus committed() {
    return load(repositoryRoot().resolve("load-test/src/test/resources/hostile"));
  }

  public static HostileCorpus load(Path folder) {
    try {
      Manifest manifest = MAPPER.readValue(folder.resolve(MANIFEST).toFile(), new TypeReference<Manifest>() {});
      return new HostileCorpus(folder, manifest.cases());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + folder.resolve(MANIFEST) + ": " + e.getMessage(), e);
    }
  }

  public List<HostileCase> cases() {
    return cases;
  }

  public HostileCase get(String name) {
    return cases.stream().filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Expected a case named " + name + ". Actual: none"));
  }

  /** The record value of a case: its committed bytes, its expanded recipe, or null (tombstone). */
  public byte[] value(HostileCase c) {
    if (c.generated() != null) {
      return expand(c.generated());
    }
    try {
      return Files.readAllBytes(folder.resolve(c.name() + ".bin"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds a recipe's payload (deterministic). */
  static byte[] expand(HostileCase.Recipe recipe) {
    int size = Math.toIntExact(recipe.size());
    return switch (recipe.kind()) {
      case "tombstone" -> null;
      case "spectrum-bins" -> spectrumOfBins(size);
      case "candidate-pixels" -> candidateOfPixels(size);
      case "alert-padded" -> padded(Templates.bytes(Templates.alert()), size);
      case "alert-nesting" -> Templates.text("{\"superevent_id\": \"MS991231hz\", \"urls\": " + "[".repeat(size)
          + "]".repeat(size) + "}");
      case "alert-gzip-bomb" -> alertWithSkymap(SkymapFits.gzip(new byte[size]));
      case "alert-rows-claim" -> alertWithSkymap(SkymapFits.gzip(claimRows(size)));
      case "alert-rows" -> alertWithSkymap(SkymapFits.nuniq("NUNIQ", order10Uniq(size), SkymapFits.constant(size, 1.0)));
      case "spectrum-csv-rows" -> Templates.text("# RA 150.1 Dec 2.2\nwave_um,flux_uJy,err_uJy\n"
          + SpectrumFileCases.rows(size, "0.05").replace("\r", ""));
      default -> throw new IllegalArgumentException("Expected a known recipe kind. Actual: " + recipe.kind());
    };
  }

  private static byte[] spectrumOfBins(int bins) {
    Spectrum s = Templates.spectrum();
    List<Double> wave = new ArrayList<>(bins);
    List<Double> flux = new ArrayList<>(bins);
    List<Double> err = new ArrayList<>(bins);
    List<Boolean> mask = new ArrayList<>(bins);
    for (int i = 0; i < bins; i++) {
      wave.add(0.6 + 4.7 * i / bins);
      flux.add(1.0);
      err.add(0.1);
      mask.add(true);
    }
    s.setWavelengthUm(wave);
    s.setFluxUjy(flux);
    s.setFluxErrUjy(err);
    s.setMask(mask);
    return AvroCases.encode(Spectrum.class, s);
  }

  private static byte[] candidateOfPixels(int pixels) {
    GwCandidate c = Templates.candidate();
    MultiOrderSkymap m = c.getSkymap();
    int order = 10; // 12,582,912 pixels at order 10: the first `pixels` of them
    List<Long> uniq = new ArrayList<>(pixels);
    List<Double> density = new ArrayList<>(pixels);
    List<Double> distance = new ArrayList<>(pixels);
    for (int i = 0; i < pixels; i++) {
      uniq.add(4L * (1L << (2 * order)) + i);
      density.add(1.0);
      distance.add(100.0);
    }
    m.setUniq(uniq);
    m.setProbdensityPerSr(density);
    m.setDistmuMpc(distance);
    m.setDistsigmaMpc(distance);
    m.setDistnormPerMpc2(distance);
    return AvroCases.encode(GwCandidate.class, c);
  }

  private static byte[] padded(byte[] json, int size) {
    byte[] out = new byte[Math.max(size, json.length)];
    out[0] = '{';
    Arrays.fill(out, 1, out.length - json.length + 1, (byte) ' ');
    System.arraycopy(json, 1, out, out.length - json.length + 1, json.length - 1);
    return out;
  }

  private static byte[] alertWithSkymap(byte[] fits) {
    ObjectNode alert = Templates.alert();
    ((ObjectNode) alert.get("event")).put("skymap", Base64.getEncoder().encodeToString(fits));
    return Templates.bytes(alert);
  }

  private static long[] order10Uniq(int pixels) {
    long[] uniq = new long[pixels];
    for (int i = 0; i < pixels; i++) {
      uniq[i] = 4L * (1L << 20) + i;
    }
    return uniq;
  }

  /** The template map, uncompressed, with its table header claiming {@code rows} rows. */
  private static byte[] claimRows(int rows) {
    long[] uniq = SkymapFits.templateUniq();
    byte[] fits = SkymapFits.table("NUNIQ", new String[] {"UNIQ", "PROBDENSITY"},
        new Object[] {uniq, SkymapFits.normalisedDensity(uniq.length)});
    String text = new String(fits, StandardCharsets.ISO_8859_1);
    String card = String.format("%-8s= %20d", "NAXIS2", uniq.length);
    int at = text.indexOf(card, 2880);
    if (at < 0) {
      throw new IllegalStateException("Expected an NAXIS2 card in the table header. Actual: none");
    }
    String replaced = String.format("%-8s= %20d", "NAXIS2", rows);
    byte[] out = fits.clone();
    System.arraycopy(replaced.getBytes(StandardCharsets.ISO_8859_1), 0, out, at, replaced.length());
    return out;
  }

  /** The repository root: -Dleain.root, else upwards from the working directory to a folder with data/. */
  static Path repositoryRoot() {
    String property = System.getProperty("leain.root");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("data")) && Files.isRegularFile(dir.resolve("leain"))) {
        return dir;
      }
    }
    throw new IllegalStateException("Expected the repository root above " + Path.of("").toAbsolutePath()
        + ". Actual: none; set -Dleain.root");
  }
}
