package org.leain.sky.skymap;

import java.util.Arrays;
import org.leain.sky.healpix.Healpix;
import org.leain.sky.healpix.Nuniq;

/**
 * A validated multi-order (NUNIQ) sky map: parallel columns in the order they were given.
 * Immutable (arrays are copied in and out) and thread-safe. Build one with {@link #of} (from arrays,
 * e.g. a GwCandidate record) or {@link SkymapReader} (from FITS bytes); query it through
 * {@link #index()}.
 */
public final class Skymap {

  /** Tolerance on the total probability. */
  public static final double NORMALISATION_TOLERANCE = 1e-6;

  private static final long ORDER29_PIXELS = 12L << 58;

  private final long[] uniq;
  private final double[] probDensityPerSr;
  private final double[] distMuMpc;
  private final double[] distSigmaMpc;
  private final double[] distNormPerMpc2;
  private final SkymapMetadata metadata;
  private volatile SkymapIndex index;

  private Skymap(long[] uniq, double[] density, double[] mu, double[] sigma, double[] norm,
      SkymapMetadata metadata) {
    this.uniq = uniq;
    this.probDensityPerSr = density;
    this.distMuMpc = mu;
    this.distSigmaMpc = sigma;
    this.distNormPerMpc2 = norm;
    this.metadata = metadata;
  }

  /**
   * Builds and validates a map from its columns (copied). The distance columns are all null or all
   * present with the same length as {@code uniq}.
   *
   * @throws InvalidSkymapException if the columns violate the NUNIQ contract (see package docs)
   */
  public static Skymap of(long[] uniq, double[] probDensityPerSr, double[] distMuMpc,
      double[] distSigmaMpc, double[] distNormPerMpc2, SkymapMetadata metadata, SkymapLimits limits) {
    if (uniq == null || probDensityPerSr == null) {
      throw new InvalidSkymapException(InvalidSkymapException.Reason.MISSING_COLUMN,
          "Expected UNIQ and PROBDENSITY columns. Actual: " + (uniq == null ? "no UNIQ" : "no PROBDENSITY"));
    }
    int n = uniq.length;
    if (n > limits.maxRows()) {
      throw new InvalidSkymapException(InvalidSkymapException.Reason.TOO_LARGE,
          "Expected at most " + limits.maxRows() + " pixels. Actual: " + n);
    }
    boolean anyDistance = distMuMpc != null || distSigmaMpc != null || distNormPerMpc2 != null;
    boolean allDistance = distMuMpc != null && distSigmaMpc != null && distNormPerMpc2 != null;
    if (anyDistance && !allDistance) {
      throw new InvalidSkymapException(InvalidSkymapException.Reason.MISSING_COLUMN,
          "Expected DISTMU, DISTSIGMA and DISTNORM together. Actual: only some of them");
    }
    if (probDensityPerSr.length != n || (allDistance && (distMuMpc.length != n
        || distSigmaMpc.length != n || distNormPerMpc2.length != n))) {
      throw new InvalidSkymapException(InvalidSkymapException.Reason.LENGTH_MISMATCH,
          "Expected every column to have " + n + " rows (as UNIQ). Actual: PROBDENSITY "
              + probDensityPerSr.length + (allDistance ? ", DISTMU " + distMuMpc.length + ", DISTSIGMA "
              + distSigmaMpc.length + ", DISTNORM " + distNormPerMpc2.length : ""));
    }
    if (n == 0) {
      throw new InvalidSkymapException(InvalidSkymapException.Reason.NOT_A_TILING,
          "Expected pixels covering the sphere. Actual: an empty map");
    }
    checkTiling(uniq);
    checkProbability(uniq, probDensityPerSr);
    return new Skymap(uniq.clone(), probDensityPerSr.clone(),
        allDistance ? distMuMpc.clone() : null, allDistance ? distSigmaMpc.clone() : null,
        allDistance ? distNormPerMpc2.clone() : null,
        metadata == null ? SkymapMetadata.NONE : metadata);
  }

  /** {@link #of(long[], double[], double[], double[], double[], SkymapMetadata, SkymapLimits)} with default limits. */
  public static Skymap of(long[] uniq, double[] probDensityPerSr, double[] distMuMpc,
      double[] distSigmaMpc, double[] distNormPerMpc2, SkymapMetadata metadata) {
    return of(uniq, probDensityPerSr, distMuMpc, distSigmaMpc, distNormPerMpc2, metadata,
        SkymapLimits.DEFAULT);
  }

  private static void checkTiling(long[] uniq) {
    int n = uniq.length;
    long[] starts = new long[n];
    long[] ends = new long[n];
    for (int i = 0; i < n; i++) {
      long u = uniq[i];
      if (!Nuniq.isValid(u)) {
        throw new InvalidSkymapException(InvalidSkymapException.Reason.INVALID_UNIQ,
            "Expected UNIQ = 4*4^order + ipix with order in [0, 29]. Actual: " + u + " at row " + i);
      }
      int shift = 2 * (Healpix.MAX_ORDER - Nuniq.order(u));
      long ipix = Nuniq.ipix(u);
      starts[i] = ipix << shift;
      ends[i] = (ipix + 1) << shift;
    }
    Arrays.sort(starts);
    Arrays.sort(ends);
    // Coverage of x = #starts <= x - #ends <= x; it is 1 everywhere iff these hold.
    if (starts[0] != 0) {
      throw notTiling("the sky below order-29 NESTED index " + starts[0] + " is not covered");
    }
    for (int i = 0; i + 1 < n; i++) {
      if (ends[i] > starts[i + 1]) {
        throw notTiling("pixels overlap (or one is nested in another) at order-29 NESTED index "
            + starts[i + 1]);
      }
      if (ends[i] < starts[i + 1]) {
        throw notTiling("a gap between order-29 NESTED indices " + ends[i] + " and " + starts[i + 1]);
      }
    }
    if (ends[n - 1] != ORDER29_PIXELS) {
      throw notTiling("the sky above order-29 NESTED index " + ends[n - 1] + " is not covered");
    }
  }

  private static InvalidSkymapException notTiling(String what) {
    return new InvalidSkymapException(InvalidSkymapException.Reason.NOT_A_TILING,
        "Expected pixels that tile the sphere exactly once. Actual: " + what);
  }

  private static void checkProbability(long[] uniq, double[] density) {
    double total = 0;
    for (int i = 0; i < uniq.length; i++) {
      double d = density[i];
      if (!(d >= 0) || d == Double.POSITIVE_INFINITY) {
        throw new InvalidSkymapException(InvalidSkymapException.Reason.BAD_DENSITY,
            "Expected a finite non-negative PROBDENSITY. Actual: " + d + " at row " + i);
      }
      total += d * Nuniq.pixelAreaSr(uniq[i]);
    }
    if (!(Math.abs(total - 1.0) <= NORMALISATION_TOLERANCE)) {
      throw new InvalidSkymapException(InvalidSkymapException.Reason.NOT_NORMALISED,
          "Expected total probability 1 within " + NORMALISATION_TOLERANCE + ". Actual: " + total);
    }
  }

  /** Number of pixels. */
  public int size() {
    return uniq.length;
  }

  /** Whether the distance ansatz columns are present. */
  public boolean hasDistance() {
    return distMuMpc != null;
  }

  /** Header values (never null). */
  public SkymapMetadata metadata() {
    return metadata;
  }

  /** The index for queries, built on first use and kept. */
  public SkymapIndex index() {
    SkymapIndex i = index;
    if (i == null) {
      i = new SkymapIndex(this);
      index = i;
    }
    return i;
  }

  public long uniq(int row) {
    return uniq[row];
  }

  public double probDensityPerSr(int row) {
    return probDensityPerSr[row];
  }

  /** DISTMU of a row; NaN when the map has no distance columns. */
  public double distMuMpc(int row) {
    return distMuMpc == null ? Double.NaN : distMuMpc[row];
  }

  /** DISTSIGMA of a row; NaN when the map has no distance columns. */
  public double distSigmaMpc(int row) {
    return distSigmaMpc == null ? Double.NaN : distSigmaMpc[row];
  }

  /** DISTNORM of a row; NaN when the map has no distance columns. */
  public double distNormPerMpc2(int row) {
    return distNormPerMpc2 == null ? Double.NaN : distNormPerMpc2[row];
  }

  /** A copy of the UNIQ column. */
  public long[] uniqColumn() {
    return uniq.clone();
  }

  /** A copy of the PROBDENSITY column (sr^-1). */
  public double[] probDensityColumn() {
    return probDensityPerSr.clone();
  }

  /** A copy of the DISTMU column (Mpc), or null. */
  public double[] distMuColumn() {
    return distMuMpc == null ? null : distMuMpc.clone();
  }

  /** A copy of the DISTSIGMA column (Mpc), or null. */
  public double[] distSigmaColumn() {
    return distSigmaMpc == null ? null : distSigmaMpc.clone();
  }

  /** A copy of the DISTNORM column (Mpc^-2), or null. */
  public double[] distNormColumn() {
    return distNormPerMpc2 == null ? null : distNormPerMpc2.clone();
  }

  // Package-private, copy-free access for the index.
  long[] uniqArray() {
    return uniq;
  }

  double[] densityArray() {
    return probDensityPerSr;
  }
}
