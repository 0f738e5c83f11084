package io.isthmus.launcher;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code isthmus} command. Errors are one line and a non-zero exit, never a stack trace. */
@Command(name = "isthmus", mixinStandardHelpOptions = true, versionProvider = Isthmus.Version.class,
    description = "Carries IoT/OT telemetry into the security console a SOC already runs.",
    subcommands = {RunCommand.class, DecodeCommand.class, AnalyzeCommand.class, BenchCommand.class})
public final class Isthmus implements Runnable {

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  static int execute(String... args) {
    CommandLine cli = new CommandLine(new Isthmus());
    cli.setParameterExceptionHandler((ex, a) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println("isthmus: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
      return 2;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (ex instanceof UsageException) {
        err.println("isthmus: " + ex.getMessage());
        return 2;
      }
      if (ex instanceof StartupException) {
        err.println("isthmus: " + ex.getMessage());
        return 1;
      }
      err.println("isthmus: unexpected error: " + ex);
      return 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** The version from the launcher jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"isthmus " + version()};
    }
  }

  static String version() {
    String v = Isthmus.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
