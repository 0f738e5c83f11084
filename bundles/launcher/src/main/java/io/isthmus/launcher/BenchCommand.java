package io.isthmus.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code isthmus bench ...}: measurements that need the real runtime. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark in the real runtime.",
    subcommands = HotSwapCommand.class)
final class BenchCommand implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
