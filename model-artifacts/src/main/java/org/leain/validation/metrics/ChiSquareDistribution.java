package org.leain.validation.metrics;

/** Upper tail of the chi-square distribution via the regularised incomplete gamma function. */
final class ChiSquareDistribution {

  private ChiSquareDistribution() {}

  /** P(X > x) for X ~ chi-square with k degrees of freedom: Q(k/2, x/2). */
  static double survival(double x, int k) {
    if (x <= 0) {
      return 1;
    }
    return regularisedGammaQ(k / 2.0, x / 2);
  }

  /** Q(a, x) = Gamma(a, x) / Gamma(a): series below a + 1, Lentz continued fraction above (Numerical Recipes 6.2). */
  static double regularisedGammaQ(double a, double x) {
    double logPrefactor = -x + a * Math.log(x) - logGamma(a);
    if (x < a + 1) {
      double term = 1 / a;
      double sum = term;
      for (int n = 1; n < 1000; n++) {
        term *= x / (a + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * 1e-15) {
          break;
        }
      }
      return Math.max(0, 1 - sum * Math.exp(logPrefactor));
    }
    double tiny = 1e-300;
    double b = x + 1 - a;
    double c = 1 / tiny;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i < 1000; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < tiny ? tiny : d;
      c = b + an / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-15) {
        break;
      }
    }
    return Math.exp(logPrefactor) * h;
  }

  /** log Gamma(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms). */
  static double logGamma(double x) {
    double[] c = {0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    x -= 1;
    double a = c[0];
    double t = x + 7.5;
    for (int i = 1; i < 9; i++) {
      a += c[i] / (x + i);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
