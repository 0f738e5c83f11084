package io.isthmus.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isthmus discover}: passive asset discovery on captures. The devices found are printed and
 * merged into the data directory's asset inventory.
 */
@Command(name = "discover", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Find the devices in captures: addresses, MAC vendor, protocols, roles, peers, and",
        "vendor/model/firmware wherever the protocol carries them (Modbus 43/14, BACnet, CIP",
        "identity, MQTT client ids). They are added to the data directory's asset inventory."})
final class DiscoverCommand implements Callable<Integer> {
  static final List<String> FORMATS = List.of("table", "json");

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Capture files (pcap, pcapng, gzip-compressed too).")
  List<String> files = List.of();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE}).")
  String format = "table";

  @Mixin DataCommands.DataDir data = new DataCommands.DataDir();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (!FORMATS.contains(format)) {
      throw new UsageException("unknown format '" + format + "' (known: " + String.join(", ", FORMATS) + ")");
    }
    Map<String, Object> extra = new HashMap<>();
    extra.put("inputs", files.stream().map(f -> Path.of(f).toAbsolutePath().toString()).toList());
    extra.put("format", format);
    return DataCommands.run("discover", "discover", data, false, null, extra);
  }
}
