package io.isthmus.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code isthmus assets list|import|export}: the asset inventory of a data directory's store. */
@Command(name = "assets", mixinStandardHelpOptions = true,
    description = {"The asset inventory: devices discovered in traffic, merged with the site's registry.",
        "Works on the store of a data directory; stop a runtime using the embedded store first",
        "(while it runs, /api/v1/assets serves the same data)."},
    subcommands = {AssetsCommand.List.class, AssetsCommand.Import.class, AssetsCommand.Export.class})
final class AssetsCommand implements Runnable {

  @Override
  public void run() {
    throw new UsageException("say what to do with the assets: list, import or export (see 'isthmus assets --help')");
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the assets with type, vendor, model, firmware, zone, risk and conflicts.")
  static final class List implements Callable<Integer> {
    @Mixin DataCommands.DataDir data = new DataCommands.DataDir();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
        description = "table or json (default: ${DEFAULT-VALUE}).")
    String format = "table";

    @Override
    public Integer call() throws IOException, InterruptedException {
      return DataCommands.run("assets", "list", data, true, null, Map.of("format", format));
    }
  }

  @Command(name = "import", mixinStandardHelpOptions = true,
      description = {"Import the site's registry (CSV or YAML): type, criticality, zone, site, location, owner.",
          "Registry values win over discovered ones; differences are kept as conflicts."})
  static final class Import implements Callable<Integer> {
    @Mixin DataCommands.DataDir data = new DataCommands.DataDir();

    @Parameters(paramLabel = "FILE", description = "Registry file (.csv, .yaml or .yml).")
    Path file = Path.of("");

    @Option(names = "--format", paramLabel = "FORMAT", description = "csv or yaml (default: from the file name).")
    @Nullable String format;

    @Override
    public Integer call() throws IOException, InterruptedException {
      Map<String, Object> extra = new HashMap<>();
      extra.put("file", file.toAbsolutePath().toString());
      if (format != null) {
        extra.put("format", format);
      }
      return DataCommands.run("assets", "import", data, false, null, extra);
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Export the inventory as a registry file that 'isthmus assets import' reads back.")
  static final class Export implements Callable<Integer> {
    @Mixin DataCommands.DataDir data = new DataCommands.DataDir();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv", description = "csv or yaml (default: ${DEFAULT-VALUE}).")
    String format = "csv";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    @Nullable Path output;

    @Override
    public Integer call() throws IOException, InterruptedException {
      return DataCommands.run("assets", "export", data, true, output, Map.of("format", format));
    }
  }
}
