package io.isthmus.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code isthmus decode}: boots the small {@code decode} feature (DS, the API, capture and the
 * protocol decoders; no HTTP, no pipeline) and runs the capture bundle's decode service, which
 * streams Zeek-style rows to standard output or a file.
 */
@Command(name = "decode", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Decode pcap/pcapng captures with the runtime's protocol decoders.",
        "Writes Zeek's logs (modbus_detailed, ..., weird) as JSON lines, or a table for reading.",
        "Exit code 0 even with weirds, 1 if a file is not a readable capture, 2 for usage errors."})
final class DecodeCommand implements Callable<Integer> {
  static final List<String> FORMATS = List.of("zeek-json", "table");

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Capture files (pcap, pcapng, gzip-compressed too).")
  List<String> files = List.of();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "zeek-json",
      description = "zeek-json (one JSON object a line, Zeek's JSON writer conventions) or table (default: ${DEFAULT-VALUE}).")
  String format = "zeek-json";

  @Option(names = "--protocol", paramLabel = "P", split = ",",
      description = "Use only these protocol decoders (comma-separated or repeated; default: all).")
  List<String> protocols = List.of();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the rows to FILE instead of standard output.")
  @Nullable Path output;

  @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws IOException, InterruptedException {
    FelixRuntime.timing("command parsed");
    BatchRun.checkFormat(format, FORMATS);
    return new BatchRun("decode", "decode", "is the capture bundle built?").run(output, this::request);
  }

  private Map<String, Object> request(OutputStream out) {
    Map<String, Object> request = BatchRun.request(out, quiet);
    request.put("files", files);
    request.put("format", format);
    request.put("protocols", protocols);
    return request;
  }
}
