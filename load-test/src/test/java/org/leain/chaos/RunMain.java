package org.leain.chaos;

import java.util.Arrays;
import org.leain.stream.RunCommand;
import picocli.CommandLine;

/**
 * {@code leain run} without the launcher script, for the crash test in CI: the same
 * {@link RunCommand} the CLI registers, started from this module's test classpath (the script
 * would run a nested Maven build). Expects {@code run} as its first argument, like the CLI.
 */
public final class RunMain {

  private RunMain() {}

  public static void main(String[] args) {
    if (args.length == 0 || !args[0].equals("run")) {
      System.err.println("Expected 'run' as the first argument. Actual: " + Arrays.toString(args));
      System.exit(2);
    }
    System.exit(new CommandLine(new RunCommand()).execute(Arrays.copyOfRange(args, 1, args.length)));
  }
}
