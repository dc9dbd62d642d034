package org.leain.validation.metrics;

import java.util.List;

/**
 * Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari and Gelman 2018): for every
 * parameter, the rank of theta*_j among L posterior draws is uniform on {0, ..., L} when the
 * posterior is calibrated. Ranks are binned into B equal bins (L + 1 a multiple of B keeps bins
 * exactly equal) and tested with Pearson's chi-square against uniform (B - 1 degrees of freedom).
 * A U shape means over-confidence, a hump under-confidence, a slope bias.
 *
 * @param histograms {@code [parameter][bin]} counts
 * @param chiSquare Pearson's statistic per parameter
 * @param pValue its upper-tail probability per parameter
 * @param drawsPerEvent L
 */
public record SbcRanks(int[][] histograms, double[] chiSquare, double[] pValue, int drawsPerEvent) {

  public static SbcRanks of(List<EventDraws> events, int bins) {
    int d = events.get(0).dimension();
    int draws = events.get(0).samples().length;
    if (bins < 2 || bins > draws + 1) {
      throw new IllegalArgumentException("Expected 2 <= bins <= draws + 1 = " + (draws + 1) + ". Actual: " + bins);
    }
    int[][] hist = new int[d][bins];
    for (EventDraws e : events) {
      if (e.samples().length != draws) {
        throw new IllegalArgumentException("Expected " + draws + " draws for every event. Actual: " + e.samples().length);
      }
      for (int j = 0; j < d; j++) {
        int rank = 0;
        for (double[] s : e.samples()) {
          if (s[j] < e.thetaTrue()[j]) {
            rank++;
          }
        }
        hist[j][(int) ((long) rank * bins / (draws + 1))]++;
      }
    }
    double[] chi = new double[d];
    double[] p = new double[d];
    double expected = (double) events.size() / bins;
    for (int j = 0; j < d; j++) {
      for (int count : hist[j]) {
        chi[j] += (count - expected) * (count - expected) / expected;
      }
      p[j] = ChiSquareDistribution.survival(chi[j], bins - 1);
    }
    return new SbcRanks(hist, chi, p, draws);
  }
}
