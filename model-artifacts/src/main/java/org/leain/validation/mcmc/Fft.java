package org.leain.validation.mcmc;

/** An in-place iterative radix-2 complex FFT, enough for the autocorrelation of a chain. */
final class Fft {

  private Fft() {}

  /** The smallest power of two >= n. */
  static int nextPowerOfTwo(int n) {
    int p = 1;
    while (p < n) {
      p <<= 1;
    }
    return p;
  }

  /**
   * Transforms (re, im) in place; {@code inverse} uses exp(+i...) and divides by n. The length must
   * be a power of two.
   */
  static void transform(double[] re, double[] im, boolean inverse) {
    int n = re.length;
    if (Integer.bitCount(n) != 1 || im.length != n) {
      throw new IllegalArgumentException("Expected power-of-two equal lengths. Actual: " + n + ", " + im.length);
    }
    for (int i = 1, j = 0; i < n; i++) {
      int bit = n >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
        t = im[i];
        im[i] = im[j];
        im[j] = t;
      }
    }
    for (int len = 2; len <= n; len <<= 1) {
      double angle = 2 * Math.PI / len * (inverse ? 1 : -1);
      double wRe = Math.cos(angle);
      double wIm = Math.sin(angle);
      for (int start = 0; start < n; start += len) {
        double curRe = 1;
        double curIm = 0;
        for (int k = 0; k < len / 2; k++) {
          int a = start + k;
          int b = a + len / 2;
          double bRe = re[b] * curRe - im[b] * curIm;
          double bIm = re[b] * curIm + im[b] * curRe;
          re[b] = re[a] - bRe;
          im[b] = im[a] - bIm;
          re[a] += bRe;
          im[a] += bIm;
          double nextRe = curRe * wRe - curIm * wIm;
          curIm = curRe * wIm + curIm * wRe;
          curRe = nextRe;
        }
      }
    }
    if (inverse) {
      for (int i = 0; i < n; i++) {
        re[i] /= n;
        im[i] /= n;
      }
    }
  }
}
