package io.isthmus.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code isthmus audit verify|export}: the hash-chained audit log of a data directory's store. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"The tamper-evident audit log: every anomaly, alert, decision, approval, action and result."},
    subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {

  @Override
  public void run() {
    throw new UsageException("say what to do with the audit log: verify or export (see 'isthmus audit --help')");
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Walk the hash chain and check the signed checkpoints.",
          "Exit code 0 if intact; 1 naming the first broken record."})
  static final class Verify implements Callable<Integer> {
    @Mixin DataCommands.DataDir data = new DataCommands.DataDir();

    @Override
    public Integer call() throws IOException, InterruptedException {
      return DataCommands.run("audit", "verify", data, true, null, Map.of());
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the audit log as JSON lines, with the hashes.")
  static final class Export implements Callable<Integer> {
    @Mixin DataCommands.DataDir data = new DataCommands.DataDir();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    @Nullable Path output;

    @Override
    public Integer call() throws IOException, InterruptedException {
      return DataCommands.run("audit", "export", data, true, output, Map.of());
    }
  }
}
