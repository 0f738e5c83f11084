package io.isthmus.capture.internal;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Streams the frames of one capture file. Damaged records are reported to the reader's
 * {@link Weirds} and skipped; only I/O errors of the stream itself are thrown.
 */
interface CaptureReader extends Closeable {

  /** {@code pcap} or {@code pcapng}. */
  String format();

  /** The next frame (valid until the next call), or {@code null} at the end of the capture. */
  @Nullable Frame next() throws IOException;
}
