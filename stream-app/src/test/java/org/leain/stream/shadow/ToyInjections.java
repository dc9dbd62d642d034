package org.leain.stream.shadow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.leain.contracts.AlertType;
import org.leain.contracts.MultiOrderSkymap;
import org.leain.contracts.Spectrum;
import org.leain.sim.prior.Parameter;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;
import org.leain.stream.testing.Fixtures;

/**
 * TEST ONLY: a toy injection problem whose calibrated posterior is known exactly. Theta is drawn
 * from the simulator's prior; the "observation" of parameter k is y_k = logit(s_k) + {@value #NOISE}
 * eps_k, eps_k ~ N(0, 1), with s_k the parameter's position in its prior interval, written into the
 * first seven flux bins of a 64-bin spectrum. Given y, N(y_k, NOISE^2) in the logit coordinate is
 * an exact confidence distribution: its central a interval covers logit(s_k) with probability a
 * for every theta, so per-parameter coverage is nominal and PIT uniform. Injection n sits at point
 * n mod 200 of a Fibonacci sphere (spacing ~14 deg) with a 2-deg Gaussian map, so injections do not
 * join one another.
 */
final class ToyInjections implements InjectionSimulation {
  static final double NOISE = 0.1;
  static final int POSITIONS = 200;

  private final Map<Integer, MultiOrderSkymap> maps = new ConcurrentHashMap<>();

  static List<Parameter> parameters() {
    List<Parameter> out = new ArrayList<>();
    for (Parameter p : Parameter.values()) {
      if (p.inferred()) {
        out.add(p);
      }
    }
    return out;
  }

  /** Position k of n on a Fibonacci sphere, {raDeg, decDeg}. */
  static double[] position(int k, int n) {
    double z = 1 - (2 * k + 1) / (double) n;
    double ra = Math.toDegrees((k * Math.PI * (3 - Math.sqrt(5))) % (2 * Math.PI));
    return new double[] {ra, Math.toDegrees(Math.asin(z))};
  }

  @Override
  public Injection simulate(String supereventId, String spectrumId, long seed, long nowMs) {
    int index = (int) (Long.parseLong(supereventId.substring(ShadowIds.SUPEREVENT_PREFIX.length())) % POSITIONS);
    SplittableRandom random = new SplittableRandom(seed);
    Theta theta = Prior.uniform().sample(random);
    List<String> names = new ArrayList<>();
    List<Parameter> parameters = parameters();
    double[] truth = new double[parameters.size()];
    Spectrum base = Fixtures.spectrum(spectrumId, position(index, POSITIONS)[0], position(index, POSITIONS)[1]);
    List<Double> flux = new ArrayList<>(base.getFluxUjy());
    for (int k = 0; k < parameters.size(); k++) {
      Parameter p = parameters.get(k);
      names.add(p.id());
      truth[k] = theta.get(p);
      double s = (truth[k] - p.lower()) / (p.upper() - p.lower());
      flux.set(k, Math.log(s / (1 - s)) + NOISE * random.nextGaussian());
    }
    MultiOrderSkymap map = maps.computeIfAbsent(index, i -> {
      double[] at = position(i, POSITIONS);
      return Fixtures.gaussianMap(at[0], at[1], 2.0, 4);
    });
    return new Injection(Fixtures.candidate(supereventId, AlertType.PRELIMINARY, 1, nowMs, map),
        Spectrum.newBuilder(base).setFluxUjy(flux).build(), names, truth);
  }
}
