package org.leain.validation.bench;

import java.util.Locale;
import org.leain.sim.Simulator;
import org.leain.validation.dcbh.SimulatorProblem;
import org.leain.validation.mcmc.EnsembleSampler;
import org.leain.validation.mcmc.LogDensity;
import org.leain.validation.mcmc.McmcConfig;
import org.leain.validation.mcmc.McmcResult;
import org.leain.validation.run.ValidationProblem;

/**
 * Measures the MCMC gold standard's wall time per DCBH event (noisy simulated events, the
 * tempered configuration of {@code ./leain validate}) and prints a Markdown table for
 * VALIDATION-NOTES.md. Seconds-long runs, so a plain main rather than JMH. The last column checks
 * that the sampler found the mode of the truth: with noise it should be about +chi-square_7 / 2 ~ 3.5,
 * never much below zero.
 *
 * <p>Run: {@code mvn -q -o -pl model-artifacts -am test-compile && ./leain --version && java -cp
 * model-artifacts/target/test-classes:model-artifacts/target/classes:$(cat cli/target/classpath.txt)
 * org.leain.validation.bench.McmcWallTime 4}
 */
public final class McmcWallTime {

  private McmcWallTime() {}

  public static void main(String[] args) {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    SimulatorProblem problem = SimulatorProblem.noisy(Simulator.standard());
    System.out.println("| event | wall s | converged | steps | evaluations | evaluations per s | min n_eff | ms per n_eff "
        + "| max R-hat | max abs(mean - truth)/sd (parameter) "
        + "| max log p(draws) - log p(truth) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (int e = 0; e < events; e++) {
      ValidationProblem.TestEvent<org.leain.sim.Observation> event = problem.draw(1000 + e);
      LogDensity target = problem.logPosterior(event.observation());
      McmcResult r = EnsembleSampler.run(target, problem.box(), McmcConfig.tempered(7), 17 + e);
      double worst = 0;
      String worstName = "";
      for (int j = 0; j < 7; j++) {
        double mean = 0;
        double var = 0;
        for (double[] s : r.samples()) {
          mean += s[j] / r.samples().length;
        }
        for (double[] s : r.samples()) {
          var += (s[j] - mean) * (s[j] - mean) / r.samples().length;
        }
        double z = Math.abs(mean - event.thetaTrue()[j]) / Math.sqrt(var);
        if (z > worst) {
          worst = z;
          worstName = problem.parameterNames().get(j);
        }
      }
      double maxLogp = Double.NEGATIVE_INFINITY;
      for (double[] s : r.samples()) {
        maxLogp = Math.max(maxLogp, target.logDensity(s));
      }
      System.out.printf(Locale.ROOT, "| %d | %.1f | %s (%s) | %d | %d | %.0f | %.0f | %.2f | %.4f | %.2f (%s) | %.2f |%n", e,
          r.wallTimeSeconds(), r.converged(), r.stopReason(), r.stepsPerRun(), r.logDensityEvaluations(),
          r.logDensityEvaluations() / r.wallTimeSeconds(), r.minEffectiveSampleSize(),
          1e3 * r.secondsPerEffectiveSample(), r.maxRhat(), worst, worstName,
          maxLogp - target.logDensity(event.thetaTrue()));
    }
  }
}
