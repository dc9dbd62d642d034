package org.leain.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one entry point of the {@code ./leain} launcher.
 *
 * <p>This class only lists subcommands; each module owns its own (the sky module owns
 * {@code crossmatch}, the simulator {@code simulate}, ...). Registering them here explicitly, rather
 * than discovering them, keeps {@code ./leain --help} predictable and the dependency direction plain:
 * only this module depends on everything.
 */
@Command(
    name = "leain",
    mixinStandardHelpOptions = true,
    version = "LEAIN 0.1.0",
    description = "Real-time multi-messenger inference: LVK alerts joined with JWST spectra by sky "
        + "localization, DCBH posteriors from the LEAIN network, as Avro on Kafka.",
    subcommands = {
        CommandLine.HelpCommand.class,
        org.leain.sim.command.SimulateCommand.class,
        org.leain.broker.BrokerCommand.class,
        org.leain.sky.cli.CrossmatchCommand.class,
        org.leain.load.LoadTestCommand.class,
        org.leain.chaos.ChaosCommand.class,
        org.leain.validation.dcbh.ValidateCommand.class,
        org.leain.training.InferCommand.class,
        org.leain.training.TrainCommand.class,
        org.leain.training.efficiency.DataEfficiencyCommand.class,
        org.leain.stream.RunCommand.class,
        org.leain.demo.DemoCommand.class,
        org.leain.cli.feed.ReplayLvkCommand.class,
        org.leain.cli.feed.ProduceSpectrumCommand.class,
    })
public final class Leain implements Runnable {

  @Spec CommandSpec spec;

  private Leain() {}

  /** With no subcommand, show what there is rather than an error. */
  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; tests call this to run subcommands in-process. */
  public static CommandLine commandLine() {
    return new CommandLine(new Leain()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
