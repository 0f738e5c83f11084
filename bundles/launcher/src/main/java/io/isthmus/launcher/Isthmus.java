package io.isthmus.launcher;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code isthmus} command. Errors are one line and a non-zero exit, never a stack trace. */
@Command(name = "isthmus", mixinStandardHelpOptions = true, versionProvider = Isthmus.Version.class,
    description = "Carries IoT/OT telemetry into the security console a SOC already runs.")
public final class Isthmus implements Runnable {
  /** {@link System#nanoTime()} when this class was initialised, just before {@code main}. */
  static final long MAIN_STARTED = System.nanoTime();
  /** The subcommands, in the order the usage lists them. */
  private static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new LinkedHashMap<>();
    commands.put("run", RunCommand.class);
    commands.put("decode", DecodeCommand.class);
    commands.put("analyze", AnalyzeCommand.class);
    commands.put("discover", DiscoverCommand.class);
    commands.put("assets", AssetsCommand.class);
    commands.put("audit", AuditCommand.class);
    commands.put("bench", BenchCommand.class);
    return commands;
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  static int execute(String... args) {
    CommandLine cli = command(args);
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

  /**
   * Only the subcommand named first is built (picocli reflects over every option of every command
   * it is given, a tenth of a second of startup); usage and errors get all of them.
   */
  private static CommandLine command(String... args) {
    CommandLine cli = new CommandLine(new Isthmus());
    String first = args.length > 0 ? args[0] : "";
    COMMANDS.forEach((name, type) -> {
      if (name.equals(first) || !COMMANDS.containsKey(first)) {
        cli.addSubcommand(name, type);
      }
    });
    return cli;
  }

  @Override
  public void run() {
    command().usage(System.out);
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
