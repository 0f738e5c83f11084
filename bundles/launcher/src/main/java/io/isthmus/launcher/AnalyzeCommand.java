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

/**
 * {@code isthmus analyze}: boots the {@code analyze} feature (DS, the pipeline, capture, the
 * protocol decoders and the detection models; no HTTP) and runs the analyze bundle's service,
 * which teaches the models with the baseline captures and reports the findings on the inputs.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the runtime's detection models offline on captures. They learn from the",
        "--baseline captures (findings then are counted, not reported); every finding on",
        "the --input captures is then written, sorted by time, as JSON lines or a table.",
        "Without --baseline the models learn from the input as they do live.",
        "Exit code 0 with or without findings, 1 if a file is not a readable capture,",
        "2 for usage errors."})
final class AnalyzeCommand implements Callable<Integer> {
  static final List<String> FORMATS = List.of("jsonl", "table");

  @Option(names = "--baseline", arity = "1..*", paramLabel = "FILE",
      description = "Captures of normal traffic to learn from (pcap, pcapng, gzip-compressed too).")
  List<String> baselines = List.of();

  @Option(names = "--input", arity = "1..*", required = true, paramLabel = "FILE", description = "Captures to analyze.")
  List<String> inputs = List.of();

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
      description = "jsonl (one JSON object a line) or table (default: ${DEFAULT-VALUE}).")
  String format = "jsonl";

  @Option(names = "--model", paramLabel = "ID", split = ",",
      description = "Report only the findings of these model ids (comma-separated or repeated; default: all).")
  List<String> models = List.of();

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the findings to FILE instead of standard output.")
  @Nullable Path output;

  @Option(names = {"-q", "--quiet"}, description = "No progress line and no summary on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws IOException, InterruptedException {
    FelixRuntime.timing("command parsed");
    BatchRun.checkFormat(format, FORMATS);
    return new BatchRun("analyze", "analyze", "are the analyze, pipeline and capture bundles built?")
        .run(output, this::request);
  }

  private Map<String, Object> request(OutputStream out) {
    Map<String, Object> request = BatchRun.request(out, quiet);
    request.put("baselines", baselines);
    request.put("inputs", inputs);
    request.put("format", format);
    request.put("models", models);
    return request;
  }
}
