package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.capture.internal.StreamReplay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Decodes the files of one request in turn, each in the calling thread, to one writer (JSON
 * lines are encoded and written on a second thread, {@link PipelinedWriter}). Returns
 * the command's exit code: 0 (weirds included), 1 if a file could not be decoded or the output
 * not written, 2 for a request that makes no sense. Every problem is one line on stderr.
 */
final class DecodeRun {
  static final int OK = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private final DecodeRequest request;
  private final List<ProtocolDecoder> available;

  DecodeRun(DecodeRequest request, List<ProtocolDecoder> available) {
    this.request = request;
    this.available = available;
  }

  int run() {
    if (!DecodeRequest.FORMATS.contains(request.format())) {
      return usage("unknown format '" + request.format() + "' (known: " + String.join(", ", DecodeRequest.FORMATS) + ")");
    }
    List<ProtocolDecoder> chosen = choose();
    if (chosen == null) {
      return USAGE;
    }
    ConversationIndex index = new ConversationIndex();
    if (request.format().equals(DecodeRequest.TABLE)) {
      return run(chosen, index, new TableWriter(request.out()));
    }
    try (PipelinedWriter writer = new PipelinedWriter(new ZeekJsonWriter(request.out()))) {
      return run(chosen, index, writer);
    }
  }

  private int run(List<ProtocolDecoder> chosen, ConversationIndex index, RowWriter writer) {
    DecodeSummary summary = new DecodeSummary();
    List<ProtocolDecoder> tracked = chosen.stream().map(index::track).toList();
    int code = OK;
    for (String file : request.files()) {
      RowRouter router = new RowRouter(writer, index, summary);
      if (!decode(file, tracked, router, summary)) {
        code = FAILED;
      }
      index.clear();
      router.flush();
      IOException failure = router.failure();
      if (failure != null) {
        if (!"Broken pipe".equals(failure.getMessage())) {
          request.err().println("isthmus: cannot write the output: " + message(failure));
        }
        return FAILED;
      }
    }
    if (!request.quiet() && summary.files() > 0) {
      request.err().println(summary.line());
    }
    return code;
  }

  /** The decoders asked for, or null (with the message printed) if one is unknown. */
  private @Nullable List<ProtocolDecoder> choose() {
    if (request.protocols().isEmpty()) {
      return available;
    }
    Set<String> known = new TreeSet<>();
    available.forEach(d -> known.add(d.protocol()));
    List<ProtocolDecoder> chosen = new ArrayList<>();
    for (String name : request.protocols()) {
      String p = name.trim().toLowerCase(Locale.ROOT);
      if (!known.contains(p)) {
        usage("unknown protocol '" + name + "' (known: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        return null;
      }
      available.stream().filter(d -> d.protocol().equals(p) && !chosen.contains(d)).forEach(chosen::add);
    }
    return chosen;
  }

  /** Decodes one file; false (with the reason printed) if it is not a readable capture. */
  private boolean decode(String file, List<ProtocolDecoder> decoders, RowRouter router, DecodeSummary summary) {
    Path path = Path.of(file);
    String problem = unreadable(path);
    if (problem != null) {
      return failed(file + ": " + problem);
    }
    String name = path.getFileName() == null ? file : path.getFileName().toString();
    ProgressBar bar = request.progress() && !request.quiet() ? new ProgressBar(request.err(), name, size(path)) : null;
    CountedInput in = null;
    try {
      InputStream raw = Files.newInputStream(path);
      in = new CountedInput(raw, bar);
      summary.file(StreamReplay.run(in, name, decoders, router, router, router::failed));
      return true;
    } catch (StreamReplay.NotACaptureException e) {
      String why = message(e);
      // The reader names the file by its name; the user named it by this path.
      return failed(why.startsWith(name + " ") ? file + why.substring(name.length()) : file + " is not a capture: " + why);
    } catch (IOException e) {
      return failed(file + ": reading failed" + (in == null ? "" : " after " + in.count() + " bytes") + ": " + message(e));
    } catch (RuntimeException e) {
      return failed(file + ": decoding failed: " + e);
    } finally {
      if (bar != null) {
        bar.done();
      }
    }
  }

  private static @Nullable String unreadable(Path path) {
    if (!Files.exists(path)) {
      return "no such file";
    }
    if (Files.isDirectory(path)) {
      return "is a directory, not a capture file";
    }
    if (!Files.isReadable(path)) {
      return "permission denied";
    }
    return null;
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }

  private boolean failed(String line) {
    request.err().println("isthmus: " + line);
    return false;
  }

  private int usage(String line) {
    request.err().println("isthmus: " + line);
    return USAGE;
  }

  private static String message(Exception e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
