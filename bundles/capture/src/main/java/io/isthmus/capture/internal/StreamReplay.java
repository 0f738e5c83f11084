package io.isthmus.capture.internal;

import io.isthmus.api.decode.ProtocolDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one capture in the calling thread, streaming what its decoders produce to an output
 * as it goes (memory bounded whatever the capture's size): the entry of {@code isthmus decode}
 * into the same reader, reassembly and routing the runtime replays with.
 */
public final class StreamReplay {

  /** Sees every weird: of the capture file, of a packet, or of a conversation ({@code uid} set). */
  @FunctionalInterface
  public interface WeirdListener {
    void weird(long timeMicros, String name, String detail, @Nullable String uid);
  }

  /** The input is not a pcap or pcapng capture (or is empty); the message is one line. */
  public static final class NotACaptureException extends IOException {
    private static final long serialVersionUID = 1L;

    NotACaptureException(String message) {
      super(message);
    }
  }

  /** What one capture decoded to. */
  public record Stats(long packets, long conversations, long events, long weirds) {}

  private StreamReplay() {}

  /**
   * Replays {@code capture} (named {@code name} in weirds; it seeds the conversation uids as
   * {@link OfflineReplay} does) through {@code decoders} until its end or until {@code stop}.
   * The stream is closed.
   *
   * @throws NotACaptureException if the first bytes are not those of a capture
   */
  public static Stats run(InputStream capture, String name, Iterable<? extends ProtocolDecoder> decoders,
      DecodeOutput output, WeirdListener listener, BooleanSupplier stop) throws IOException {
    DecoderRegistry registry = new DecoderRegistry();
    for (ProtocolDecoder d : decoders) {
      registry.add(d);
    }
    Weirds weirds = new Weirds(listener::weird);
    CaptureReader reader;
    try {
      reader = CaptureFiles.open(capture, name, weirds);
    } catch (CaptureFormatException e) {
      capture.close();
      throw new NotACaptureException(e.getMessage());
    } catch (IOException | RuntimeException e) {
      capture.close();
      throw e;
    }
    try (CaptureReader r = reader) {
      ReplayStats s = new CaptureReplayer(ReplaySettings.DEFAULTS, registry, "default", name)
          .run(r, weirds, output, stop, name.hashCode(), 0);
      return new Stats(s.packets, s.conversations, s.events, weirds.total());
    }
  }
}
