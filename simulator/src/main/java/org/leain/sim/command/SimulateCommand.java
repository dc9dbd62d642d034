package org.leain.sim.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.leain.sim.Simulator;
import org.leain.sim.dataset.DatasetGenerator;
import org.leain.sim.gallery.Gallery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leain simulate}: writes a training dataset and/or a PNG gallery of simulations. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
        "Simulate DCBH events from the prior: theta, noise-free PRISM spectrum with flux errors and "
            + "noise-free whitened LISA-like strain, in the LEAIN binary dataset format "
            + "(little-endian, documented in org.leain.sim.dataset.DatasetFormat).",
        "With --plot, also write a PNG gallery of example spectra and strains beside the real "
            + "UNCOVER 45924 PRISM spectrum."})
public final class SimulateCommand implements Callable<Integer> {

  @Option(names = "--n", description = "Number of events (default: ${DEFAULT-VALUE}).",
      defaultValue = "1000")
  long n;

  @Option(names = "--seed", description = "Dataset seed (default: ${DEFAULT-VALUE}).",
      defaultValue = "1")
  long seed;

  @Option(names = "--out", description = "Dataset file to write.")
  Path out;

  @Option(names = "--threads", description = "Worker threads (default: available processors).")
  Integer threads;

  @Option(names = "--plot", description = "Directory for the PNG gallery.")
  Path plotDir;

  @Override
  public Integer call() throws Exception {
    if (out == null && plotDir == null) {
      System.err.println("simulate: give --out FILE and/or --plot DIR");
      return 2;
    }
    Simulator simulator = Simulator.standard();
    if (out != null) {
      int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
      if (out.toAbsolutePath().getParent() != null) {
        Files.createDirectories(out.toAbsolutePath().getParent());
      }
      ProgressBar bar = new ProgressBar(System.err, "simulate", n);
      new DatasetGenerator(simulator).generate(n, seed, workers, out, bar::update);
      System.err.printf("simulate: wrote %,d events (%,d bytes) to %s%n", n, Files.size(out), out);
    }
    if (plotDir != null) {
      for (Path p : new Gallery(simulator, seed).write(plotDir)) {
        System.err.println("simulate: wrote " + p);
      }
    }
    return 0;
  }
}
