package io.isthmus.analyze.internal;

import io.isthmus.api.decode.CaptureService;
import io.isthmus.api.decode.NotACaptureException;
import io.isthmus.api.decode.ReplaySummary;
import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingListener;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One {@code isthmus analyze}: baseline files replayed and scored while the collector only counts
 * findings, {@link DetectionModel#endLearning()} on every model, then the input files, whose
 * findings are written sorted by time. Returns the exit code.
 */
final class AnalyzeRun {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final AnalyzeRequest request;
  private final TelemetryPipeline pipeline;
  private final CaptureService captures;
  private final List<DetectionModel> models;
  private final Function<FindingListener, AutoCloseable> register;
  private final PipelineDrain drain;
  private long baselineEvents;
  private long inputEvents;
  private long weirds;

  /** @param register registers a finding listener with the pipeline until the returned handle is closed */
  AnalyzeRun(AnalyzeRequest request, TelemetryPipeline pipeline, CaptureService captures, List<DetectionModel> models,
      Function<FindingListener, AutoCloseable> register) {
    this.request = request;
    this.pipeline = pipeline;
    this.captures = captures;
    this.models = List.copyOf(models);
    this.register = register;
    this.drain = new PipelineDrain(pipeline);
  }

  int run() {
    try {
      return analyze();
    } catch (Failure f) {
      request.err().println("isthmus: " + f.getMessage());
      return f.code;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      request.err().println("isthmus: analyze interrupted");
      return FAILED;
    }
  }

  private int analyze() throws Failure, InterruptedException {
    long started = System.nanoTime();
    if (!AnalyzeRequest.FORMATS.contains(request.format())) {
      throw new Failure(USAGE, "unknown format '" + request.format() + "' (known: " + String.join(", ", AnalyzeRequest.FORMATS) + ")");
    }
    for (String file : concat(request.baselines(), request.inputs())) {
      checkReadable(file);
    }
    if (models.isEmpty()) {
      throw new Failure(FAILED, "no detection model is running (are the model bundles in features/analyze.json?)");
    }
    Set<String> ids = models.stream().map(DetectionModel::id).collect(Collectors.toCollection(TreeSet::new));
    for (String wanted : request.models()) {
      if (!ids.contains(wanted)) {
        throw new Failure(USAGE, "unknown model '" + wanted + "' (running: " + String.join(", ", ids) + ")");
      }
    }
    drain.awaitModels(models);
    FindingCollector collector = new FindingCollector(new LinkedHashSet<>(request.models()));
    try (AutoCloseable listening = register.apply(collector);
        EventChannel channel = pipeline.openChannel("analyze", SourceKind.FILE_REPLAY)) {
      for (String file : request.baselines()) {
        baselineEvents += replay(file, "learning", channel);
      }
      drain.await();
      if (!request.baselines().isEmpty()) {
        models.forEach(DetectionModel::endLearning);
      }
      collector.startReporting();
      for (String file : request.inputs()) {
        inputEvents += replay(file, "analyzing", channel);
      }
      drain.await();
    } catch (Failure | InterruptedException e) {
      throw e;
    } catch (Exception e) {
      throw new Failure(FAILED, "analyze failed: " + e);
    }
    List<Finding> findings = collector.sorted();
    write(findings);
    if (!request.quiet()) {
      request.err().println(summary(collector, findings.size(), (System.nanoTime() - started) / 1e9));
    }
    return OK;
  }

  private long replay(String file, String phase, EventChannel channel) throws Failure {
    Path path = Path.of(file);
    String sensor = path.getFileName() == null ? file : path.getFileName().toString();
    ProgressLine progress = new ProgressLine(request.err(), phase, file, size(path));
    try {
      ReplaySummary s = captures.replay(path, sensor, channel, request.progress() && !request.quiet() ? progress::update : b -> {});
      weirds += s.weirdTotal();
      return s.events() - s.notAccepted();
    } catch (NotACaptureException e) {
      throw new Failure(FAILED, String.valueOf(e.getMessage()));
    } catch (IOException e) {
      throw new Failure(FAILED, "cannot read " + file + ": " + e.getMessage());
    } finally {
      progress.done();
    }
  }

  private void write(List<Finding> findings) throws Failure {
    try {
      Writer out = new BufferedWriter(new OutputStreamWriter(request.out(), StandardCharsets.UTF_8), 1 << 16);
      FindingWriter.of(request.format()).write(findings, out);
      out.flush();
    } catch (IOException e) {
      throw new Failure(FAILED, "cannot write the findings: " + e.getMessage());
    }
  }

  private String summary(FindingCollector collector, int reported, double seconds) {
    StringBuilder s = new StringBuilder("isthmus: ");
    if (!request.baselines().isEmpty()) {
      s.append(String.format(Locale.ROOT, "learned from %s (%,d events; %,d findings while learning, not reported), ",
          files(request.baselines().size(), "baseline file"), baselineEvents, collector.learningFindings()));
    }
    s.append(String.format(Locale.ROOT, "analyzed %s: %,d events, %,d findings", files(request.inputs().size(), "file"),
        inputEvents, reported));
    if (collector.filteredFindings() > 0) {
      s.append(String.format(Locale.ROOT, " (%,d more of other models)", collector.filteredFindings()));
    }
    s.append(String.format(Locale.ROOT, ", %,d weirds; models %s in %.2f s", weirds,
        models.stream().map(m -> m.id() + " " + m.version()).sorted().collect(Collectors.joining(", ")), seconds));
    return s.toString();
  }

  private static String files(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static void checkReadable(String file) throws Failure {
    Path path = Path.of(file);
    if (!Files.exists(path)) {
      throw new Failure(FAILED, "cannot read " + file + ": no such file");
    }
    if (Files.isDirectory(path)) {
      throw new Failure(FAILED, "cannot read " + file + ": it is a directory");
    }
    if (!Files.isReadable(path)) {
      throw new Failure(FAILED, "cannot read " + file + ": permission denied");
    }
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }

  /** Ends the run with an exit code and a one-line message. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int code;

    Failure(int code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }
}
