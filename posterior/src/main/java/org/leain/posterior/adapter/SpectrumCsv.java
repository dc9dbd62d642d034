package org.leain.posterior.adapter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a spectrum from a CSV file with columns wave (um), flux (uJy), err (uJy): lines starting
 * with '#' are comments, a first line starting with a letter is a header, "nan" means missing.
 */
public final class SpectrumCsv {

  /** The columns of the file; missing values are NaN. */
  public record Table(double[] wavelengthUm, double[] fluxUjy, double[] fluxErrUjy) {}

  private SpectrumCsv() {}

  public static Table read(Path file) throws IOException {
    List<double[]> rows = new ArrayList<>();
    int lineNumber = 0;
    for (String line : Files.readAllLines(file)) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")
          || (rows.isEmpty() && Character.isLetter(trimmed.charAt(0)))) {
        continue;
      }
      String[] parts = trimmed.split("[,\\s]+");
      if (parts.length < 3) {
        throw new IOException("Expected 3 columns (wave, flux, err) at " + file + ":" + lineNumber
            + ". Actual: " + parts.length);
      }
      rows.add(new double[] {parse(parts[0]), parse(parts[1]), parse(parts[2])});
    }
    int n = rows.size();
    double[] w = new double[n];
    double[] f = new double[n];
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = rows.get(i)[0];
      f[i] = rows.get(i)[1];
      e[i] = rows.get(i)[2];
    }
    return new Table(w, f, e);
  }

  private static double parse(String s) {
    return s.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(s);
  }
}
