package io.isthmus.capture.internal;

import static io.isthmus.capture.internal.CaptureFiles.MAX_FRAME;

import java.io.IOException;
import java.nio.ByteOrder;
import org.jspecify.annotations.Nullable;

/**
 * Classic pcap: a 24-byte file header, then records of a 16-byte header and the frame, in the
 * byte order of the magic number, with microsecond or nanosecond timestamps. A record whose
 * length is absurd is skipped by looking for the next plausible record header.
 */
final class PcapReader implements CaptureReader {
  private static final int FILE_HEADER = 24;
  private static final int RECORD_HEADER = 16;
  /** How far to look for the next record after a damaged one before giving up on the file. */
  private static final long RESYNC_LIMIT = 16L << 20;
  private static final long DAY = 86_400;

  private final ByteInput in;
  private final String name;
  private final boolean big;
  private final boolean nanos;
  private final Weirds weirds;
  private final int linkType;
  private final Frame frame = new Frame();
  private long pendingSkip;
  private long lastSeconds = -1;
  private long lastMicros;

  PcapReader(ByteInput in, String name, ByteOrder order, boolean nanos, Weirds weirds) throws IOException {
    this.in = in;
    this.name = name;
    this.big = order == ByteOrder.BIG_ENDIAN;
    this.nanos = nanos;
    this.weirds = weirds;
    if (in.fill(FILE_HEADER) < FILE_HEADER) {
      throw new CaptureFormatException(name + " is cut inside its pcap file header");
    }
    byte[] b = in.array();
    int p = in.position();
    int major = Bytes.u16(b, p + 4, big);
    if (major != 2) {
      weirds.report(0, "pcap_unusual_version", name + ": pcap version " + major + "." + Bytes.u16(b, p + 6, big)
          + ", read as 2.4");
    }
    // The upper bits of the link-type field carry FCS information, not the link type.
    this.linkType = Bytes.i32(b, p + 20, big) & 0xffff;
    in.skip(FILE_HEADER);
  }

  @Override
  public String format() {
    return nanos ? "pcap (ns)" : "pcap";
  }

  @Override
  public @Nullable Frame next() throws IOException {
    in.skip(pendingSkip);
    pendingSkip = 0;
    while (true) {
      long at = in.offset();
      int n = in.fill(RECORD_HEADER);
      if (n == 0) {
        return null;
      }
      if (n < RECORD_HEADER) {
        weirds.report(lastMicros, "pcap_truncated", name + ": the file ends inside the record header at offset " + at);
        in.skip(n);
        return null;
      }
      byte[] b = in.array();
      int p = in.position();
      long seconds = Bytes.u32(b, p, big);
      long fraction = Bytes.u32(b, p + 4, big);
      long captured = Bytes.u32(b, p + 8, big);
      long original = Bytes.u32(b, p + 12, big);
      if (captured > MAX_FRAME || original == 0) {
        weirds.report(lastMicros, "pcap_bad_record_length", name + ": the record at offset " + at + " claims "
            + captured + " captured bytes of a " + original + "-byte frame");
        if (!resync(at)) {
          return null;
        }
        continue;
      }
      int length = RECORD_HEADER + (int) captured;
      n = in.fill(length);
      if (n < length) {
        weirds.report(lastMicros, "pcap_truncated", name + ": the file ends inside the record at offset " + at
            + " (" + (n - RECORD_HEADER) + " of " + captured + " bytes)");
        in.skip(n);
        return null;
      }
      // Filling may have moved the window's bytes.
      p = in.position();
      if (fraction >= (nanos ? 1_000_000_000L : 1_000_000L)) {
        weirds.report(lastMicros, "pcap_bad_timestamp", name + ": the record at offset " + at
            + " has a sub-second part of " + fraction);
      }
      lastSeconds = seconds;
      lastMicros = seconds * 1_000_000L + (nanos ? fraction / 1_000 : fraction);
      frame.set(lastMicros, linkType, b, p + RECORD_HEADER, (int) captured, (int) Math.min(Math.max(original, captured), Integer.MAX_VALUE));
      pendingSkip = length;
      return frame;
    }
  }

  /** Moves to the next plausible record header after the damaged one at {@code at}. */
  private boolean resync(long at) throws IOException {
    for (long scanned = 1; scanned <= RESYNC_LIMIT; scanned++) {
      in.skip(1);
      int n = in.fill(RECORD_HEADER);
      if (n < RECORD_HEADER) {
        in.skip(n);
        return false;
      }
      int p = in.position();
      if (!plausible(p)) {
        continue;
      }
      int length = RECORD_HEADER + (int) Bytes.u32(in.array(), p + 8, big);
      n = in.fill(length + RECORD_HEADER);
      if (n == length || n >= length + RECORD_HEADER && plausible(in.position() + length)) {
        return true;
      }
    }
    weirds.report(lastMicros, "pcap_resync_failed", name + ": no plausible record within " + RESYNC_LIMIT
        + " bytes after offset " + at + "; the rest of the file is skipped");
    return false;
  }

  private boolean plausible(int p) {
    byte[] b = in.array();
    long seconds = Bytes.u32(b, p, big);
    long fraction = Bytes.u32(b, p + 4, big);
    long captured = Bytes.u32(b, p + 8, big);
    long original = Bytes.u32(b, p + 12, big);
    return captured >= 1 && captured <= MAX_FRAME && original >= captured && original <= 4L * MAX_FRAME
        && fraction < (nanos ? 1_000_000_000L : 1_000_000L)
        && (lastSeconds < 0 || seconds >= lastSeconds - DAY && seconds <= lastSeconds + 7 * DAY);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
