package org.leain.validation.dcbh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.leain.posterior.ParameterSummary;

/**
 * The report's sim-to-real check: both networks' posteriors for a real JWST spectrum (no strain), next to
 * what is known of the UNCOVER 45924 source (spectroscopic z = 4.463; a broad-line AGN whose black hole
 * is estimated at ~1e8-1e9 Msun). Stated as measured, with no verdict beyond the comparison.
 */
final class RealSpectrumSection {

  static final double UNCOVER_45924_Z = 4.463;

  private RealSpectrumSection() {}

  static String markdown(Path csv, List<String> names, NetworkPosterior leain, NetworkPosterior baseline)
      throws IOException {
    List<ParameterSummary> a = leain.summariesForSpectrum(csv);
    List<ParameterSummary> b = baseline.summariesForSpectrum(csv);
    StringBuilder md = new StringBuilder("## Sim-to-real check: UNCOVER 45924 (JWST NIRSpec PRISM)\n\n");
    md.append("Spectrum `").append(csv.getFileName()).append("`, no strain. Known: z = ")
        .append(UNCOVER_45924_Z).append(", log10 M_BH ~ 8-9. Posterior median [5%, 95%]:\n\n| parameter | ")
        .append(leain.name()).append(" | ").append(baseline.name()).append(" |\n|---|---|---|\n");
    for (int j = 0; j < names.size(); j++) {
      md.append(String.format(Locale.ROOT, "| %s | %.3f [%.3f, %.3f] | %.3f [%.3f, %.3f] |%n", names.get(j),
          a.get(j).median(), a.get(j).p05(), a.get(j).p95(), b.get(j).median(), b.get(j).p05(), b.get(j).p95()));
    }
    int z = names.indexOf("z");
    int m = names.indexOf("log10_mbh");
    md.append(String.format(Locale.ROOT, "%nLEAIN: true z %s its 90%% interval; log10 M_BH 8-9 %s its 90%% interval "
        + "(the prior box tops at log10 M_BH = 9; the training simulator models DCBH seeds, not a broad-line AGN, "
        + "so a miss here is a statement about the simulator's reach as much as the network's).%n",
        inside(UNCOVER_45924_Z, a.get(z)) ? "lies inside" : "lies OUTSIDE",
        a.get(m).p95() >= 8 && a.get(m).p05() <= 9 ? "overlaps" : "does NOT overlap"));
    return md.toString();
  }

  private static boolean inside(double v, ParameterSummary s) {
    return v >= s.p05() && v <= s.p95();
  }
}
