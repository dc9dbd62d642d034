package org.leain.validation.dcbh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.leain.sim.Likelihood;
import org.leain.sim.Observation;
import org.leain.sim.Simulator;
import org.leain.sim.prior.Parameter;
import org.leain.sim.prior.Prior;
import org.leain.sim.prior.Theta;
import org.leain.validation.mcmc.BoxBounds;
import org.leain.validation.mcmc.LogDensity;
import org.leain.validation.run.ValidationProblem;

/**
 * The DCBH simulator as a validation problem: theta* from the uniform prior, x from
 * {@link Simulator#simulate} (or its noise-free version), and the exact log posterior
 * {@link Likelihood#logPosterior} over the 7 inferred parameters in the prior box, with the
 * coalescence phase marginalised inside the likelihood. Thread-safe (the likelihood is).
 */
public final class SimulatorProblem implements ValidationProblem<Observation> {

  private static final List<Parameter> INFERRED = Arrays.stream(Parameter.values()).filter(Parameter::inferred).toList();

  private final Simulator simulator;
  private final Likelihood likelihood;
  private final Prior prior;
  private final boolean noiseFree;
  private final boolean sedOnly;

  private SimulatorProblem(Simulator simulator, boolean noiseFree, boolean sedOnly) {
    this.simulator = simulator;
    this.likelihood = new Likelihood(simulator);
    this.prior = Prior.uniform();
    this.noiseFree = noiseFree;
    this.sedOnly = sedOnly;
  }

  /** Test events with the simulator's noise, SED and strain: what the validation uses by default. */
  public static SimulatorProblem noisy(Simulator simulator) {
    return new SimulatorProblem(simulator, false, false);
  }

  /**
   * Test events with the simulator's noise and no strain: what the stream sees when a spectrum is
   * joined to a real LVK alert (which carries a skymap, never strain). The exact likelihood is then
   * the SED term alone, so the GW-only parameters keep their prior.
   */
  public static SimulatorProblem noisySedOnly(Simulator simulator) {
    return new SimulatorProblem(simulator, false, true);
  }

  /** Noise-free test events: the posterior is centred on theta*, a check of the sampler. */
  public static SimulatorProblem noiseFree(Simulator simulator) {
    return new SimulatorProblem(simulator, true, false);
  }

  /** Whether the test events carry no strain. */
  public boolean sedOnly() {
    return sedOnly;
  }

  @Override
  public List<String> parameterNames() {
    List<String> names = new ArrayList<>();
    INFERRED.forEach(p -> names.add(p.id()));
    return names;
  }

  @Override
  public BoxBounds box() {
    double[] lo = new double[INFERRED.size()];
    double[] hi = new double[INFERRED.size()];
    for (int j = 0; j < lo.length; j++) {
      lo[j] = INFERRED.get(j).lower();
      hi[j] = INFERRED.get(j).upper();
    }
    return new BoxBounds(lo, hi);
  }

  @Override
  public TestEvent<Observation> draw(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Theta truth = prior.sample(random);
    long simulationSeed = random.nextLong();
    Observation x = noiseFree ? simulator.simulateNoiseFree(truth, simulationSeed) : simulator.simulate(truth, simulationSeed);
    if (sedOnly) {
      x = x.withoutStrain();
    }
    return new TestEvent<>(inferred(truth), x);
  }

  @Override
  public LogDensity logPosterior(Observation observation) {
    int d = INFERRED.size();
    return new LogDensity() {
      @Override
      public double logDensity(double[] x) {
        double[] full = new double[Theta.SIZE];
        for (int j = 0; j < d; j++) {
          full[INFERRED.get(j).ordinal()] = x[j];
        }
        // The likelihood ignores phi_c (marginalised) but Theta needs a value in range.
        full[Parameter.PHI_C.ordinal()] = Parameter.PHI_C.lower();
        return likelihood.logPosterior(Theta.of(full), observation);
      }

      @Override
      public int dimension() {
        return d;
      }
    };
  }

  private static double[] inferred(Theta theta) {
    double[] v = new double[INFERRED.size()];
    for (int j = 0; j < v.length; j++) {
      v[j] = theta.get(INFERRED.get(j));
    }
    return v;
  }
}
