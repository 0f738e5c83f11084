package io.isthmus.capture.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.event.TelemetryEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes a whole capture in the calling thread, without a framework, keeping every event and
 * weird. For protocol bundles' tests and tools; the replay component streams instead.
 */
public final class OfflineReplay {

  /**
   * What a capture decoded to.
   *
   * @param weirds counts by weird name
   * @param weirdDetails each weird as "name [uid]: detail", in order
   */
  public record Result(List<TelemetryEvent> events, List<LoggedRow> logs, Map<String, Long> weirds,
      List<String> weirdDetails, long packets, long conversations) {

    /** The rows of one Zeek log, in the order they were written. */
    public List<LoggedRow> log(String path) {
      return logs.stream().filter(r -> r.path().equals(path)).toList();
    }
  }

  private OfflineReplay() {}

  /** Replays {@code capture} (pcap or pcapng, named {@code name} in messages) through {@code decoders}. */
  public static Result run(InputStream capture, String name, ProtocolDecoder... decoders) throws IOException {
    DecoderRegistry registry = new DecoderRegistry();
    for (ProtocolDecoder d : decoders) {
      registry.add(d);
    }
    List<String> details = new ArrayList<>();
    Weirds weirds = new Weirds((time, weird, detail, uid) ->
        details.add(weird + (uid == null ? "" : " " + uid) + ": " + detail));
    List<TelemetryEvent> events = new ArrayList<>();
    List<LoggedRow> logs = new ArrayList<>();
    DecodeOutput output = new DecodeOutput() {
      @Override
      public void accept(TelemetryEvent event) {
        events.add(event);
      }

      @Override
      public boolean wantsLogs() {
        return true;
      }

      @Override
      public void log(Conversation conversation, long timeMicros, String path, Map<String, Object> row) {
        logs.add(new LoggedRow(path, timeMicros, conversation, row));
      }
    };
    try (CaptureReader reader = CaptureFiles.open(capture, name, weirds)) {
      ReplayStats stats = new CaptureReplayer(ReplaySettings.DEFAULTS, registry, "default", name)
          .run(reader, weirds, output, () -> false, name.hashCode(), 0);
      return new Result(List.copyOf(events), List.copyOf(logs), weirds.counts(), List.copyOf(details), stats.packets, stats.conversations);
    }
  }
}
