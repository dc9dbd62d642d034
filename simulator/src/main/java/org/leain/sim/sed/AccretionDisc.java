package org.leain.sim.sed;

import static org.leain.sim.sed.PhysicalConstants.*;

/**
 * A standard geometrically thin, optically thick accretion disc (Shakura &amp; Sunyaev 1973) radiating
 * as a multicolour blackbody, around a non-spinning black hole (inner edge at the ISCO, r_in = 6 GM/c^2,
 * zero-torque inner boundary).
 *
 * <p>With L = lambda_Edd L_Edd(M) and the zero-torque temperature profile
 * T(r) = T* (r/r_in)^(-3/4) (1 - sqrt(r_in/r))^(1/4), T*^4 = 3 L / (4 pi sigma r_in^2), so that
 * T* ~ (lambda_Edd / M)^(1/4): light seeds accreting fast have hot, hard discs (the source of HeII).
 * The spectrum has a universal shape in y = h nu / (k T*):
 * L_nu = L g(y) / (G k T* / h), g(y) = int_1^inf x y^3 / (exp(y/tau(x)) - 1) dx, G = int g dy = pi^4/45,
 * tabulated once in ln y and interpolated linearly in ln g. Ionising photon rates above a threshold
 * come from a second table, int_{y0}^inf g(y)/y dy. Emission is isotropic (inclination-averaged).
 */
final class AccretionDisc {

  private static final double LN_Y_MIN = -14.0;
  private static final double LN_Y_MAX = 7.0;
  private static final double LN_Y_STEP = 0.01;
  private static final int TABLE_SIZE = (int) Math.round((LN_Y_MAX - LN_Y_MIN) / LN_Y_STEP) + 1;
  static final double SHAPE_INTEGRAL = Math.pow(Math.PI, 4) / 45.0;

  private static final double[] LN_G = new double[TABLE_SIZE];
  private static final double[] PHOTONS_ABOVE = new double[TABLE_SIZE];

  static {
    double[] g = new double[TABLE_SIZE];
    double[] weight = radialWeights();
    double[] inverseTau = radialInverseTau();
    for (int j = 0; j < TABLE_SIZE; j++) {
      g[j] = shapeIntegral(Math.exp(LN_Y_MIN + j * LN_Y_STEP), weight, inverseTau);
      LN_G[j] = g[j] > 0 ? Math.log(g[j]) : -745.0;
    }
    // Cumulative photon integral from the top, trapezoid in ln y: int g(y)/y dy = int g d ln y.
    PHOTONS_ABOVE[TABLE_SIZE - 1] = 0.0;
    for (int j = TABLE_SIZE - 2; j >= 0; j--) {
      PHOTONS_ABOVE[j] = PHOTONS_ABOVE[j + 1] + 0.5 * LN_Y_STEP * (g[j] + g[j + 1]);
    }
  }

  private AccretionDisc() {}

  private static final int RADIAL_STEPS = 2000;
  private static final double RADIAL_LN_MAX = 45.0;

  /** g(y) by the trapezoid rule in s = ln x over the disc, x = r / r_in in [1, e^45]. */
  static double shapeIntegral(double y) {
    return shapeIntegral(y, radialWeights(), radialInverseTau());
  }

  private static double shapeIntegral(double y, double[] weight, double[] inverseTau) {
    double y3 = y * y * y;
    double sum = 0.0;
    for (int k = 1; k <= RADIAL_STEPS; k++) { // k = 0 is x = 1, where T = 0
      double arg = y * inverseTau[k];
      if (arg < 700) {
        sum += weight[k] * y3 / Math.expm1(arg);
      }
    }
    return sum;
  }

  /** Trapezoid weights times the Jacobian x^2 (x dx = x^2 ds). */
  private static double[] radialWeights() {
    double ds = RADIAL_LN_MAX / RADIAL_STEPS;
    double[] w = new double[RADIAL_STEPS + 1];
    for (int k = 1; k <= RADIAL_STEPS; k++) {
      double x = Math.exp(k * ds);
      w[k] = (k == RADIAL_STEPS ? 0.5 : 1.0) * ds * x * x;
    }
    return w;
  }

  /** 1 / tau(x) with tau(x) = x^(-3/4) (1 - x^(-1/2))^(1/4), the temperature profile over T*. */
  private static double[] radialInverseTau() {
    double ds = RADIAL_LN_MAX / RADIAL_STEPS;
    double[] inv = new double[RADIAL_STEPS + 1];
    for (int k = 1; k <= RADIAL_STEPS; k++) {
      double x = Math.exp(k * ds);
      inv[k] = 1.0 / (Math.pow(x, -0.75) * Math.pow(1.0 - 1.0 / Math.sqrt(x), 0.25));
    }
    return inv;
  }

  /** Bolometric luminosity, erg/s. */
  static double luminosityErgS(double log10MbhMsun, double log10LambdaEdd) {
    return L_EDD_PER_MSUN_ERG_S * Math.pow(10.0, log10MbhMsun + log10LambdaEdd);
  }

  /** T* (the temperature scale of the profile; the disc's maximum is 0.488 T*), kelvin. */
  static double temperatureScaleK(double luminosityErgS, double log10MbhMsun) {
    double rIn = 6.0 * GM_SUN_OVER_C2_CM * Math.pow(10.0, log10MbhMsun);
    return Math.pow(3.0 * luminosityErgS / (4.0 * Math.PI * SIGMA_SB * rIn * rIn), 0.25);
  }

  /** g(y) at ln y by linear interpolation of ln g (power-law extrapolation below the table). */
  static double shape(double lnY) {
    if (lnY >= LN_Y_MAX) {
      return 0.0;
    }
    if (lnY <= LN_Y_MIN) {
      return Math.exp(LN_G[0] + (lnY - LN_Y_MIN) * (4.0 / 3.0));
    }
    double t = (lnY - LN_Y_MIN) / LN_Y_STEP;
    int j = (int) t;
    double f = t - j;
    return Math.exp(LN_G[j] + f * (LN_G[j + 1] - LN_G[j]));
  }

  /**
   * L_nu in erg/s/Hz at rest-frame ln(lambda / 1 um), given L and T* (for speed the caller passes
   * lnYAt1um = ln(h c / (1 um k T*)) and the prefactor L / (G k T* / h)).
   */
  static double lnu(double lnLambdaRestUm, double lnYAt1um, double prefactor) {
    return prefactor * shape(lnYAt1um - lnLambdaRestUm);
  }

  /** Number of photons per second above the photon energy {@code thresholdEv}. */
  static double ionisingPhotonRate(double luminosityErgS, double temperatureScaleK,
      double thresholdEv) {
    double kT = K_BOLTZMANN * temperatureScaleK;
    double lnY0 = Math.log(thresholdEv * EV_ERG / kT);
    double integral;
    if (lnY0 >= LN_Y_MAX) {
      integral = 0.0;
    } else if (lnY0 <= LN_Y_MIN) {
      integral = PHOTONS_ABOVE[0];
    } else {
      double t = (lnY0 - LN_Y_MIN) / LN_Y_STEP;
      int j = (int) t;
      double f = t - j;
      integral = PHOTONS_ABOVE[j] + f * (PHOTONS_ABOVE[j + 1] - PHOTONS_ABOVE[j]);
    }
    return luminosityErgS / (SHAPE_INTEGRAL * kT) * integral;
  }
}
