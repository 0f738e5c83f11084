package io.isthmus.capture.internal;

import io.isthmus.api.decode.ProtocolDecoder;
import java.io.IOException;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The decoding path of a capture file (link layer, IP and TCP reassembly, conversations, protocol
 * decoders) for frames that come from elsewhere, such as a live interface. The classes behind it
 * stay package-private; sources in other packages go through this door.
 */
public final class FrameReplay {

  /** Frames pulled one at a time on the decoding thread. */
  public interface FrameSource {
    /** Puts the next frame into {@code out} and returns true, or returns false when the source ends. May block. */
    boolean next(FrameOut out) throws IOException;
  }

  /** Where a {@link FrameSource} puts a frame; the bytes must stay unchanged until its next call. */
  public static final class FrameOut {
    final Frame frame = new Frame();

    public void set(long timeMicros, int linkType, byte[] data, int offset, int capturedLength, int originalLength) {
      frame.set(timeMicros, linkType, data, offset, capturedLength, originalLength);
    }
  }

  /** Bounds of the conversation tracking, in the units {@link ReplayConfig} uses. */
  public record Bounds(int maxFlows, int tcpIdleSeconds, int udpIdleSeconds, int streamBufferKib, int bufferedMib) {}

  private final DecoderRegistry decoders = new DecoderRegistry();
  private final ReplaySettings settings;
  private final String tenant;
  private final String sensor;
  private final WeirdLog weirdLog;
  /** Written by the decoding thread only; read by any. */
  private volatile long weirds;

  /** @param sourceName names the source in weird log lines */
  public FrameReplay(String tenant, String sensor, Bounds b, Logger log, String sourceName) {
    ReplaySettings d = ReplaySettings.DEFAULTS;
    this.settings = new ReplaySettings(b.maxFlows(), b.tcpIdleSeconds() * 1_000_000L, b.udpIdleSeconds() * 1_000_000L,
        b.streamBufferKib() * 1024, d.maxPendingBytes(), (long) b.bufferedMib() << 20, d.maxFragmentDatagrams(),
        d.maxFragmentBytes(), d.fragmentTimeoutMicros());
    this.tenant = tenant;
    this.sensor = sensor;
    this.weirdLog = new WeirdLog(log, sourceName);
  }

  public void addDecoder(ProtocolDecoder decoder) {
    decoders.add(decoder);
  }

  public void removeDecoder(ProtocolDecoder decoder) {
    decoders.remove(decoder);
  }

  /** Weirds (malformed packets and PDUs, reassembly limits) counted so far. */
  public long weirds() {
    return weirds;
  }

  /**
   * Decodes the frames of {@code source} on the calling thread until it ends or {@code stop} says
   * so, and returns a summary of what it saw.
   *
   * @param seed seeds the conversation uids
   */
  public String run(FrameSource source, DecodeOutput events, BooleanSupplier stop, long seed) throws IOException {
    Weirds counted = new Weirds((time, name, detail, uid) -> {
      weirds++;
      weirdLog.weird(time, name, detail, uid);
    });
    FrameOut out = new FrameOut();
    CaptureReader reader = new CaptureReader() {
      @Override
      public String format() {
        return "live";
      }

      @Override
      public @Nullable Frame next() throws IOException {
        return source.next(out) ? out.frame : null;
      }

      @Override
      public void close() {}
    };
    ReplayStats stats = new CaptureReplayer(settings, decoders, tenant, sensor).run(reader, counted, events, stop, seed, 0);
    return stats + (counted.counts().isEmpty() ? "" : " " + counted.counts());
  }
}
