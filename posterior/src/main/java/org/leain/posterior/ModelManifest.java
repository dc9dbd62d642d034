package org.leain.posterior;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leain.posterior.head.ParameterBox;
import org.leain.posterior.network.NetworkConfig;

/**
 * manifest.json of a committed model: everything needed to rebuild the network and use it, and the
 * record of how it was trained.
 *
 * @param name model name (the directory name)
 * @param format manifest format, {@value #FORMAT}
 * @param network architecture hyper-parameters and grids of the network
 * @param parameters output parameters with units, prior intervals and transforms
 * @param sedGrid the SED grid: bins, ln of the first bin's lower edge (um), ln step
 * @param strainGrid the strain grid: samples, ln of the first sample's tau (s), ln step, channels
 * @param normalisation input normalisation constants
 * @param weightsFile the DJL parameter file, relative to the model directory
 * @param weightsSha256 hex sha256 of the weights file
 * @param parameterCount number of trainable parameters
 * @param training how the model was trained (seeds, sizes, wall time, why it stopped)
 * @param metrics final metrics (e.g. validation NLL in theta-space, nats)
 * @param check a fixed input and the outputs the model must reproduce
 */
public record ModelManifest(
    String name,
    String format,
    NetworkConfig network,
    List<ParameterSpec> parameters,
    Grid sedGrid,
    Grid strainGrid,
    Normalisation normalisation,
    String weightsFile,
    String weightsSha256,
    long parameterCount,
    Training training,
    Map<String, Double> metrics,
    CheckValues check) {

  public static final String FORMAT = "leain-model/1";
  public static final String FILE = "manifest.json";

  /** One output parameter; transform is "logit" or "ln1p-logit" (redshift). */
  public record ParameterSpec(String name, String unit, double lo, double hi, String transform) {}

  /** A uniform grid in ln(x): {@code x_i = exp(lnFirst + i * lnStep)} (edges or samples, see note). */
  public record Grid(int size, int channels, double lnFirst, double lnStep, String unit, String note) {}

  /** Input normalisation: ln of the SED flux scale is standardised with these. */
  public record Normalisation(double lnScaleMean, double lnScaleStd) {}

  /** How the model was trained. */
  public record Training(
      long seed,
      String source,
      int simulations,
      int trainExamples,
      int validationExamples,
      int epochs,
      int batchSize,
      double learningRate,
      double strainDropout,
      double wallSeconds,
      String stoppedBecause,
      String machine) {}

  /**
   * A fixed input stored in {@code inputFile} (on the model's grids) and what the model returns for
   * it: the log-density at theta with and without the strain, and the summaries with the strain.
   */
  public record CheckValues(
      String inputFile,
      double[] theta,
      double logDensity,
      double logDensitySedOnly,
      List<ParameterSummary> summaries) {}

  /** The prior box described by {@link #parameters}. */
  public ParameterBox box() {
    List<ParameterBox.Parameter> list = new ArrayList<>();
    for (ParameterSpec p : parameters) {
      ParameterBox.Warp warp = switch (p.transform()) {
        case "logit" -> ParameterBox.Warp.LINEAR;
        case "ln1p-logit" -> ParameterBox.Warp.LN1P;
        default -> throw new IllegalArgumentException(
            "Expected transform logit or ln1p-logit. Actual: " + p.transform());
      };
      list.add(new ParameterBox.Parameter(p.name(), p.unit(), p.lo(), p.hi(), warp));
    }
    return new ParameterBox(list);
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  public static ModelManifest read(Path file) throws IOException {
    ModelManifest m = JSON.readValue(file.toFile(), ModelManifest.class);
    if (!FORMAT.equals(m.format())) {
      throw new IOException("Expected manifest format " + FORMAT + ". Actual: " + m.format());
    }
    return m;
  }

  public void write(Path file) throws IOException {
    JSON.writeValue(file.toFile(), this);
  }

  /** The shared JSON mapper (indenting), for files beside the manifest. */
  public static ObjectMapper json() {
    return JSON;
  }
}
