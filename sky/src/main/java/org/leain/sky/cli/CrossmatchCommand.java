package org.leain.sky.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leain.sky.crossmatch.Crossmatch;
import org.leain.sky.crossmatch.CrossmatchResult;
import org.leain.sky.jwst.InvalidSpectrumException;
import org.leain.sky.lvk.InvalidAlertException;
import org.leain.sky.lvk.LvkAlert;
import org.leain.sky.lvk.LvkAlertReader;
import org.leain.sky.skymap.InvalidSkymapException;
import org.leain.sky.skymap.Skymap;
import org.leain.sky.skymap.SkymapIndex;
import org.leain.sky.skymap.SkymapReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code leain crossmatch}: the ligo.skymap crossmatch figures for one position or a CSV of
 * targets. Output is a table, or with {@code --json} one JSON object per target, one per line
 * (JSON Lines; a single target gives a single object). Undefined values are JSON null.
 * Exit codes: 0 success, 1 unreadable or invalid map/alert/targets, 2 usage error.
 */
@Command(
    name = "crossmatch",
    mixinStandardHelpOptions = true,
    description = {
      "Crossmatch sky positions with a GW sky map (ligo.skymap definitions).",
      "The map is a multi-order or flat HEALPix FITS file (plain or .gz) or an LVK alert "
          + "(igwn.gwalert JSON or Avro; the event skymap, or --combined for the external-coincidence map).",
      "With --json: one JSON object per target per line; undefined values are null."
    })
public final class CrossmatchCommand implements Callable<Integer> {

  /** Largest input file read, bytes. */
  static final long MAX_FILE_BYTES = 512L * 1024 * 1024;

  @Spec CommandSpec spec;

  @Option(names = "--skymap", required = true, paramLabel = "FILE",
      description = "FITS sky map (NUNIQ, or flat NESTED/RING; plain or gzip) or LVK alert (JSON or Avro).")
  Path skymapFile;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Targets targets;

  static final class Targets {
    @ArgGroup(exclusive = false)
    Position position;

    @Option(names = "--targets", paramLabel = "FILE.csv",
        description = "CSV of targets: name, ra, dec[, z] (degrees); a header line and '#' comments are skipped.")
    Path targetsFile;
  }

  static final class Position {
    @Option(names = "--ra", required = true, paramLabel = "DEG", description = "Right ascension, degrees (ICRS).")
    double raDeg;

    @Option(names = "--dec", required = true, paramLabel = "DEG", description = "Declination, degrees (ICRS).")
    double decDeg;

    @Option(names = "--z", paramLabel = "Z", description = "Redshift: adds D_L (Planck18) and the 3D density.")
    Double redshift;
  }

  @Option(names = "--json", description = "JSON output: one object per target per line.")
  boolean json;

  @Option(names = "--combined", description = "For an LVK alert: use external_coinc.combined_skymap.")
  boolean combined;

  record Target(String name, double raDeg, double decDeg, double redshift) {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      SkymapIndex index = loadMap().index();
      List<Target> list = targets.position != null
          ? List.of(new Target(null, targets.position.raDeg, targets.position.decDeg,
              targets.position.redshift == null ? Double.NaN : targets.position.redshift))
          : readTargets(targets.targetsFile);
      if (!json) {
        printHeader(out, index);
      }
      for (Target t : list) {
        CrossmatchResult r = Crossmatch.at(index, t.raDeg(), t.decDeg(), t.redshift());
        if (json) {
          out.println(JsonOutput.MAPPER.writeValueAsString(JsonOutput.of(t.name(), r)));
        } else {
          printTable(out, t.name(), r);
        }
      }
      out.flush();
      return 0;
    } catch (InvalidSkymapException | InvalidAlertException | InvalidSpectrumException
        | IllegalArgumentException | IOException e) {
      err.println("crossmatch: " + e.getMessage());
      err.flush();
      return 1;
    }
  }

  private Skymap loadMap() throws IOException {
    byte[] bytes = readCapped(skymapFile);
    boolean fits = bytes.length >= 6 && new String(bytes, 0, 6, StandardCharsets.US_ASCII).equals("SIMPLE");
    boolean gzip = bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    if (fits || gzip) {
      return SkymapReader.read(bytes);
    }
    LvkAlert alert = LvkAlertReader.read(bytes);
    Skymap map;
    if (combined) {
      map = alert.externalCoinc() == null ? null : alert.externalCoinc().combinedSkymap();
    } else {
      map = alert.event() == null ? null : alert.event().skymap();
    }
    if (map == null) {
      throw new IllegalArgumentException("Expected an alert with a" + (combined ? " combined" : "n event")
          + " skymap. Actual: " + alert.alertType() + " notice for " + alert.supereventId() + " has none");
    }
    return map;
  }

  static byte[] readCapped(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IllegalArgumentException("Expected a file of at most " + MAX_FILE_BYTES + " bytes. Actual: " + size);
    }
    return Files.readAllBytes(file);
  }

  static List<Target> readTargets(Path file) throws IOException {
    List<Target> out = new ArrayList<>();
    int lineNo = 0;
    boolean firstDataLine = true;
    for (String line : new String(readCapped(file), StandardCharsets.UTF_8).split("\r?\n")) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      boolean header = firstDataLine;
      firstDataLine = false;
      String[] f = t.split("\\s*,\\s*");
      if (f.length < 3 || f.length > 4) {
        throw new IllegalArgumentException("Expected name,ra,dec[,z] on line " + lineNo + ". Actual: " + t);
      }
      try {
        double ra = Double.parseDouble(f[1]);
        double dec = Double.parseDouble(f[2]);
        double z = f.length == 4 && !f[3].isEmpty() ? Double.parseDouble(f[3]) : Double.NaN;
        out.add(new Target(f[0], ra, dec, z));
      } catch (NumberFormatException e) {
        if (!header) {
          throw new IllegalArgumentException(
              "Expected numbers for ra, dec[, z] on line " + lineNo + ". Actual: " + t);
        }
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one target in " + file + ". Actual: none");
    }
    return out;
  }

  private static void printHeader(PrintWriter out, SkymapIndex index) {
    Skymap map = index.skymap();
    out.printf(Locale.ROOT, "sky map: %s, %d pixels, max order %d%n",
        map.metadata().objectId() == null ? "(no OBJECT)" : map.metadata().objectId(), map.size(), index.maxOrder());
    out.printf(Locale.ROOT, "maximum density at RA %.6f, Dec %.6f%n", index.maxRaDeg(), index.maxDecDeg());
  }

  private static void printTable(PrintWriter out, String name, CrossmatchResult r) {
    out.println();
    out.printf(Locale.ROOT, "target %s at RA %.6f, Dec %.6f%s%n", name == null ? "" : name, r.raDeg(), r.decDeg(),
        r.hasRedshift() ? String.format(Locale.ROOT, ", z %.6g", r.redshift()) : "");
    row(out, "searched probability", r.searchedProb(), "");
    row(out, "searched area", r.searchedAreaDeg2(), "deg2");
    row(out, "probability density", r.probDensityPerSr(), "sr^-1");
    row(out, "probability density", r.probDensityPerDeg2(), "deg^-2");
    row(out, "offset to maximum", r.offsetDeg(), "deg");
    row(out, "50% area (interpolated)", r.area50Deg2(), "deg2");
    row(out, "90% area (interpolated)", r.area90Deg2(), "deg2");
    row(out, "50% area (GCN recipe)", r.area50GcnDeg2(), "deg2");
    row(out, "90% area (GCN recipe)", r.area90GcnDeg2(), "deg2");
    row(out, "DISTMU (ansatz)", r.distMuMpc(), "Mpc");
    row(out, "DISTSIGMA (ansatz)", r.distSigmaMpc(), "Mpc");
    row(out, "DISTNORM (ansatz)", r.distNormPerMpc2(), "Mpc^-2");
    row(out, "distance mean", r.distMeanMpc(), "Mpc");
    row(out, "distance std", r.distStdMpc(), "Mpc");
    row(out, "sky overlap 4 pi p", r.skyOverlap(), "");
    if (r.hasRedshift()) {
      row(out, "D_L(z), Planck18", r.dlMpc(), "Mpc");
      row(out, "distance density p(r|n)", r.distanceDensityPerMpc(), "Mpc^-1");
      row(out, "volume density", r.probDensityVolPerMpc3(), "Mpc^-3");
    }
  }

  private static void row(PrintWriter out, String label, double value, String unit) {
    String v = Double.isFinite(value) ? String.format(Locale.ROOT, "%.10g", value) : "n/a";
    out.printf(Locale.ROOT, "  %-26s %18s %s%n", label, v, unit);
  }

  /** The JSON form of a result (keys documented in the sky module README and the issue). */
  static final class JsonOutput {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonOutput() {}

    static ObjectNode of(String name, CrossmatchResult r) {
      ObjectNode o = MAPPER.createObjectNode();
      if (name != null) {
        o.put("name", name);
      }
      put(o, "ra_deg", r.raDeg());
      put(o, "dec_deg", r.decDeg());
      put(o, "searched_prob", r.searchedProb());
      put(o, "searched_area_deg2", r.searchedAreaDeg2());
      put(o, "probdensity_per_sr", r.probDensityPerSr());
      put(o, "probdensity_per_deg2", r.probDensityPerDeg2());
      put(o, "offset_deg", r.offsetDeg());
      put(o, "area50_deg2", r.area50Deg2());
      put(o, "area90_deg2", r.area90Deg2());
      put(o, "area50_gcn_deg2", r.area50GcnDeg2());
      put(o, "area90_gcn_deg2", r.area90GcnDeg2());
      put(o, "distmu_mpc", r.distMuMpc());
      put(o, "distsigma_mpc", r.distSigmaMpc());
      put(o, "distnorm_per_mpc2", r.distNormPerMpc2());
      put(o, "distmean_mpc", r.distMeanMpc());
      put(o, "diststd_mpc", r.distStdMpc());
      put(o, "sky_overlap", r.skyOverlap());
      if (r.hasRedshift()) {
        put(o, "z", r.redshift());
        put(o, "dl_mpc", r.dlMpc());
        put(o, "distance_density_per_mpc", r.distanceDensityPerMpc());
        put(o, "probdensity_vol_per_mpc3", r.probDensityVolPerMpc3());
      }
      return o;
    }

    private static void put(ObjectNode o, String key, double v) {
      if (Double.isFinite(v)) {
        o.put(key, v);
      } else {
        o.putNull(key);
      }
    }
  }
}
