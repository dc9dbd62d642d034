package org.leain.training;

import java.util.List;
import java.util.SplittableRandom;
import org.leain.posterior.ModelManifest;
import org.leain.posterior.network.NetworkConfig;

/**
 * A fast synthetic stand-in for the simulator with the same parameter box: lines whose position
 * follows ln(1+z) and whose strengths follow the other parameters, and a strain burst whose position
 * follows ln M_det. Only for testing the training machinery.
 */
final class ToyExamples implements ExampleGenerator {

  static final int BINS = 320;
  static final double LN_MIN = Math.log(0.6);
  static final double STEP = (Math.log(5.3) - LN_MIN) / BINS;
  static final int SAMPLES = 256;
  static final double STRAIN_STEP = 0.08;
  static final double STRAIN_ORIGIN = 8.0;

  static final List<ModelManifest.ParameterSpec> PARAMETERS = List.of(
      new ModelManifest.ParameterSpec("z", "dimensionless", 3, 12, "ln1p-logit"),
      new ModelManifest.ParameterSpec("log10_mbh", "log10(Msun)", 4, 9, "logit"),
      new ModelManifest.ParameterSpec("log10_lambda_edd", "log10(L/L_Edd)", -2, 0.5, "logit"),
      new ModelManifest.ParameterSpec("log10_mhalo", "log10(Msun)", 8, 12.5, "logit"),
      new ModelManifest.ParameterSpec("log10_j21", "log10(J21)", 1, 4, "logit"),
      new ModelManifest.ParameterSpec("log10_z_zsun", "log10(Z/Zsun)", -4, -0.5, "logit"),
      new ModelManifest.ParameterSpec("q", "dimensionless", 0.1, 1, "logit"));

  @Override
  public TrainingExample example(long seed, long index) {
    SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    double[] theta = new double[7];
    for (int i = 0; i < 7; i++) {
      ModelManifest.ParameterSpec p = PARAMETERS.get(i);
      theta[i] = p.lo() + (p.hi() - p.lo()) * (0.001 + 0.998 * r.nextDouble());
    }
    double eta = Math.log1p(theta[0]);
    float[] flux = new float[BINS];
    float[] err = new float[BINS];
    float[] mask = new float[BINS];
    double amp = Math.pow(10, 0.5 * (theta[1] - 6.5));
    for (int i = 0; i < BINS; i++) {
      double x = LN_MIN + (i + 0.5) * STEP - eta;
      flux[i] = (float) (amp * (0.2 + 1.5 * (1 + theta[2]) * bump(x, Math.log(0.5007), 0.02)
          + (theta[5] + 4) * bump(x, Math.log(0.6563), 0.02)
          + 0.3 * (theta[3] - 8) * bump(x, Math.log(0.40), 0.05)));
      err[i] = (float) (0.1 * amp);
      mask[i] = 1f;
    }
    double lnMass = Math.log1p(theta[0]) + theta[1] * Math.log(10) + Math.log1p(theta[6]);
    float[] strain = new float[2 * SAMPLES];
    float[] strainMask = new float[SAMPLES];
    double centre = (lnMass - STRAIN_ORIGIN) / STRAIN_STEP + 20;
    for (int i = 0; i < SAMPLES; i++) {
      double d = (i - centre) / 6;
      double envelope = Math.abs(d) > 5 ? 0 : 3 * Math.exp(-0.5 * d * d);
      strain[i] = (float) (envelope * Math.cos(1.3 * (i - centre)));
      strain[SAMPLES + i] = (float) (envelope * Math.sin(1.3 * (i - centre)));
      strainMask[i] = 1f;
    }
    return new TrainingExample(flux, err, mask, strain, strainMask, theta, eta, lnMass);
  }

  static double bump(double x, double c, double w) {
    double d = (x - c) / w;
    return Math.abs(d) > 6 ? 0 : Math.exp(-0.5 * d * d);
  }

  @Override
  public NetworkConfig networkConfig(String kind) {
    return new NetworkConfig(kind, BINS, STEP, SAMPLES, 2, STRAIN_STEP, STRAIN_ORIGIN, 64,
        Math.log(4), Math.log(13), Math.log(4) + 4 * Math.log(10), Math.log(13) + 9 * Math.log(10)
        + Math.log(2), 20.0, 8, 0, 3, 7, 8, 8, 32, 64);
  }

  @Override
  public List<ModelManifest.ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public ModelManifest.Grid sedGrid() {
    return new ModelManifest.Grid(BINS, 1, LN_MIN, STEP, "um", "toy");
  }

  @Override
  public ModelManifest.Grid strainGrid() {
    return new ModelManifest.Grid(SAMPLES, 2, 0, STRAIN_STEP, "s", "toy");
  }

  @Override
  public String description() {
    return "toy generator (tests only)";
  }
}
