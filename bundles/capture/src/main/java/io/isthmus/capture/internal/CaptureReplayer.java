package io.isthmus.capture.internal;

import io.isthmus.api.event.TelemetryEvent;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * One pass over a capture: frames to packets, packets to conversations, conversations to their
 * decoders, decoded PDUs to {@code events}. Independent of OSGi; the replay component runs it on
 * its own thread.
 */
final class CaptureReplayer {
  private final ReplaySettings settings;
  private final DecoderRegistry decoders;
  private final String tenant;
  private final String sensor;

  CaptureReplayer(ReplaySettings settings, DecoderRegistry decoders, String tenant, String sensor) {
    this.settings = settings;
    this.decoders = decoders;
    this.tenant = tenant;
    this.sensor = sensor;
  }

  /**
   * Reads {@code reader} to its end, or until {@code stop} says so.
   *
   * @param seed seeds the conversation uids, so a replay of the same file repeats them
   * @param shiftMicros added to every capture time (a looping replay moves each pass forward)
   */
  ReplayStats run(CaptureReader reader, Weirds weirds, DecodeOutput events, BooleanSupplier stop,
      long seed, long shiftMicros) throws IOException {
    ReplayStats stats = new ReplayStats();
    FragmentReassembler fragments = new FragmentReassembler(weirds, settings.maxFragmentDatagrams(),
        settings.maxFragmentBytes(), settings.fragmentTimeoutMicros());
    PacketDecoder packets = new PacketDecoder(weirds, fragments);
    ConversationTracker conversations = new ConversationTracker(settings, decoders, new ConversationIds(seed),
        tenant, sensor, stats, weirds, events);
    Packet p = new Packet();
    long weirdsBefore = weirds.total();
    try {
      for (Frame f = reader.next(); f != null && !stop.getAsBoolean(); f = reader.next()) {
        f.timeMicros += shiftMicros;
        stats.packets++;
        stats.bytes += f.originalLength;
        stats.firstMicros = Math.min(stats.firstMicros, f.timeMicros);
        stats.lastMicros = Math.max(stats.lastMicros, f.timeMicros);
        if (!packets.decode(f, p)) {
          continue;
        }
        if (p.protocol == Packet.TCP) {
          stats.tcpSegments++;
        } else {
          stats.udpDatagrams++;
        }
        conversations.packet(p);
      }
    } finally {
      if (!stop.getAsBoolean()) {
        conversations.finish(stats.packets == 0 ? shiftMicros : stats.lastMicros);
      }
      stats.notIp = packets.notIp();
      stats.otherTransport = packets.otherTransport();
      stats.weirds = weirds.total() - weirdsBefore;
    }
    return stats;
  }
}
