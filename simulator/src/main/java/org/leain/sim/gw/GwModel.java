package org.leain.sim.gw;

import org.leain.sim.cosmology.LuminosityDistance;
import org.leain.sim.prior.Theta;

/**
 * The gravitational-wave signal of the seed's merger: a phenomenological inspiral-merger-ringdown
 * waveform in which time is measured in units of the detector-frame total mass, seen by a LISA-like
 * detector in two noise-orthogonal channels (A, E) and whitened.
 *
 * <p>Waveform (x = tau / M_det, M_det = (1+z) M_BH (1+q) in seconds, eta = q/(1+q)^2; coalescence at
 * x = X_C = 60, i.e. x' = x - X_C is the time to coalescence; rho = X_S ln(1 + e^(x'/X_S)) a smooth
 * version of max(x', 0)):
 * <pre>
 *   Psi(x)   = -(2/eta) (eta rho / 5)^(5/8) + omega_RD (rho - x')       (GW phase)
 *   omega(x) = (1/4) (eta rho / 5)^(-3/8) sigma(x'/X_S) + omega_RD (1 - sigma)   (dPsi/dt, 1/M units)
 *   A(x)     = eta (eta (rho + X_A) / 5)^(-1/4) exp(-(rho - x') / tau_D) w(ln x)
 *   h_A + i h_E = (M_det / D_L) A(x) exp(i (Psi(x) + phi_c))
 * </pre>
 * For x' &gt;&gt; X_S this is the Newtonian (Peters &amp; Mathews 1963) chirp for the time to coalescence,
 * GW phase -2/eta (eta x'/5)^(5/8) and amplitude 4 eta (M omega_orb)^(2/3); after coalescence the
 * frequency settles to the l=m=2 quasi-normal mode of a remnant with spin ~0.7 (omega_RD M = 0.55)
 * and the amplitude decays with tau_D = 12 M (Berti, Cardoso &amp; Will 2006 fits). w is a cosine taper
 * over 0.5 in ln x at both ends of the support x in [1, 600], exactly zero outside it. Everything is a
 * function of x alone, so M_det -&gt; s M_det maps h(tau) -&gt; s h(tau/s) exactly. The two channels
 * (A and E of TDI, which for a face-on source carry the two polarisations in quadrature) make the
 * coalescence phase a rotation of the complex signal, so the phase-marginalised likelihood is
 * exactly the standard I0 form.
 *
 * <p>Whitening: at sample i the whitened amplitude is h_i sqrt(2 tau_i du / S_n(f_i)) with f_i =
 * omega/(2 pi M_det) the instantaneous frequency and du the grid step; by the stationary-phase
 * argument, SNR^2 = int A^2 / S_n(f(t)) dt = sum_i a_i^2 / 2 per channel on average, so the white
 * unit-variance noise of the whitened samples carries the matched-filter SNR of the signal.
 * Thread-safe and allocation-free.
 */
public final class GwModel {

  static final double X_C = 60.0;
  static final double X_S = 3.0;
  static final double X_A = 3.0;
  static final double OMEGA_RD = 0.55;
  /** Ringdown damping time; fixed at 4 X_S so that the decay factor needs no exponential. */
  static final double TAU_D = 4.0 * X_S;
  static final double X_LO = 1.0;
  static final double X_HI = 600.0;
  static final double TAPER_LN = 0.5;
  /** G Msun / c^3 in seconds. */
  static final double MSUN_S = 4.925490947e-6;
  /** G Msun / c^2 in metres. */
  static final double MSUN_M = 1476.6250;
  static final double MPC_M = 3.0856775814913673e22;

  private static final double LN_X_LO = Math.log(X_LO);
  private static final double LN_QUARTER = Math.log(0.25);
  private static final double INV_X_S = 1.0 / X_S;
  private static final double LN_X_HI = Math.log(X_HI);

  private final StrainGrid grid;
  private final LuminosityDistance distance;
  private final double[] whiteningTimeFactor;

  /** The model on {@code grid} with luminosity distances from {@code distance}. */
  public GwModel(StrainGrid grid, LuminosityDistance distance) {
    this.grid = grid;
    this.distance = distance;
    this.whiteningTimeFactor = new double[grid.size()];
    for (int i = 0; i < grid.size(); i++) {
      whiteningTimeFactor[i] = Math.sqrt(2.0 * grid.tauS(i) * grid.lnStep());
    }
  }

  /** The grid. */
  public StrainGrid grid() {
    return grid;
  }

  /**
   * Whitened noise-free template at phi_c = 0 into {@code re} (channel A) and {@code im} (channel
   * E); the signal at phase phi_c is (re + i im) e^(i phi_c). Zero outside the waveform support.
   */
  public void whitenedTemplate(Theta theta, double[] re, double[] im) {
    compute(theta, 0.0, true, re, im);
  }

  /** Whitened noise-free signal (channels A, E) including the coalescence phase of theta. */
  public void whitenedSignal(Theta theta, double[] channelA, double[] channelE) {
    compute(theta, theta.phiCRad(), true, channelA, channelE);
  }

  /** Detector strain h_A, h_E (dimensionless, not whitened) including the coalescence phase. */
  public void detectorStrain(Theta theta, double[] channelA, double[] channelE) {
    compute(theta, theta.phiCRad(), false, channelA, channelE);
  }

  /** Optimal matched-filter SNR of the whitened signal, sqrt(sum of a_i^2 over both channels). */
  public double optimalSnr(Theta theta) {
    return optimalSnr(theta, new double[grid.size()], new double[grid.size()]);
  }

  /** {@link #optimalSnr(Theta)} with caller-provided scratch arrays (no allocation). */
  public double optimalSnr(Theta theta, double[] scratchRe, double[] scratchIm) {
    compute(theta, 0.0, true, scratchRe, scratchIm);
    double sum = 0.0;
    for (int i = 0; i < scratchRe.length; i++) {
      sum += scratchRe[i] * scratchRe[i] + scratchIm[i] * scratchIm[i];
    }
    return Math.sqrt(sum);
  }

  private void compute(Theta theta, double phase, boolean whiten, double[] re, double[] im) {
    double eta = theta.symmetricMassRatio();
    double massMsun = theta.detectorFrameTotalMassMsun();
    double massS = massMsun * MSUN_S;
    double inverseMassS = 1.0 / massS;
    double amplitudeScale = massMsun * MSUN_M / (distance.luminosityDistanceMpc(theta.z()) * MPC_M);
    double lnTwoPiMass = Math.log(2.0 * Math.PI * massS);
    double lnMass = Math.log(massS);
    double inspiralPhaseScale = -2.0 / eta;
    double etaOver5 = eta / 5.0;
    double etaTimesScale = eta * amplitudeScale;
    int n = grid.size();
    for (int i = 0; i < n; i++) {
      double lnX = grid.lnTau(i) - lnMass;
      if (lnX <= LN_X_LO || lnX >= LN_X_HI) {
        re[i] = 0.0;
        im[i] = 0.0;
        continue;
      }
      double x = grid.tauS(i) * inverseMassS;
      double xp = x - X_C;
      double s = xp * INV_X_S;
      double rho;
      double sigma;
      double decayBase; // exp(-(rho - x')/tau_D) = (1 + e^-s)^(-X_S/tau_D), X_S/tau_D = 1/4
      boolean inspiral = s > 36.0;
      if (inspiral) {
        rho = xp;
        sigma = 1.0;
        decayBase = 1.0;
      } else {
        double e = Math.exp(s);
        double inverseE = 1.0 / e;
        // ln(1 + e^s) = s + ln(1 + e^-s); for s > 18 the second term is e^-s to 1e-16.
        rho = X_S * (s > 18.0 ? s + inverseE : Math.log1p(e));
        decayBase = 1.0 + inverseE;
        sigma = 1.0 / decayBase;
      }
      double w = etaOver5 * rho;
      double lnW = Math.log(w);
      double w58 = Math.exp(0.625 * lnW); // (eta rho / 5)^(5/8)
      double psi = inspiralPhaseScale * w58 + OMEGA_RD * (rho - xp) + phase;
      // eta (eta (rho + X_A)/5)^(-1/4) (1 + e^-s)^(-1/4): one fourth root for both factors
      double amp = etaTimesScale / Math.sqrt(Math.sqrt(etaOver5 * (rho + X_A) * decayBase));
      if (lnX < LN_X_LO + TAPER_LN || lnX > LN_X_HI - TAPER_LN) {
        amp *= taper(lnX);
      }
      if (whiten) {
        double lnOmega = inspiral ? LN_QUARTER - 0.375 * lnW
            : Math.log(0.25 * (w58 / w) * sigma + OMEGA_RD * (1.0 - sigma));
        double lnF = lnOmega - lnTwoPiMass;
        amp *= whiteningTimeFactor[i] * LisaNoise.inverseAsd(lnF);
      }
      re[i] = amp * Math.cos(psi);
      im[i] = amp * Math.sin(psi);
    }
  }

  private static double taper(double lnX) {
    if (lnX < LN_X_LO + TAPER_LN) {
      return 0.5 - 0.5 * Math.cos(Math.PI * (lnX - LN_X_LO) / TAPER_LN);
    }
    if (lnX > LN_X_HI - TAPER_LN) {
      return 0.5 - 0.5 * Math.cos(Math.PI * (LN_X_HI - lnX) / TAPER_LN);
    }
    return 1.0;
  }
}
