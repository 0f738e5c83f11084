package io.isthmus.api.decode;

import io.isthmus.api.pipeline.EventChannel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.LongConsumer;

/**
 * Replays a capture file (pcap or pcapng, gzip-compressed too) through the registered
 * {@link ProtocolDecoder}s into a pipeline channel, in the calling thread: the way a bundle such
 * as {@code isthmus analyze} feeds recorded traffic to the detection models without depending on
 * the capture bundle's implementation. Thread-safe: concurrent replays are independent.
 */
public interface CaptureService {

  /**
   * Replays {@code file} to its end and returns when every event has been handed to {@code
   * channel} (the pipeline may still be scoring them). Uses the protocol decoders registered when
   * the replay starts. The channel is not closed. An interrupt of the calling thread stops the
   * replay early; the summary then counts what was replayed and the interrupt flag stays set.
   *
   * @param sensor the sensor name set on every event (and used in weird messages)
   * @throws NotACaptureException if the file is empty or not a pcap or pcapng capture
   * @throws IOException if the file cannot be read (missing, permission denied, read error)
   */
  default ReplaySummary replay(Path file, String sensor, EventChannel channel) throws IOException {
    return replay(file, sensor, channel, bytes -> {});
  }

  /**
   * As {@link #replay(Path, String, EventChannel)}, reporting progress: {@code bytesRead} is
   * called in the calling thread with the number of bytes of the file read so far, each time the
   * reader fills its buffer (about once per MiB), for a progress bar. Compressed files report
   * compressed bytes, so the figure can be compared with the file's size.
   */
  ReplaySummary replay(Path file, String sensor, EventChannel channel, LongConsumer bytesRead) throws IOException;
}
