package io.isthmus.capture.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opens a capture, recognising classic pcap and pcapng by their first bytes (gzip-compressed too). */
final class CaptureFiles {
  /** Largest frame accepted, as in libpcap (MAXIMUM_SNAPLEN). */
  static final int MAX_FRAME = 262_144;
  /** The reading window: a whole frame with its record header, or a pcapng block of ordinary size. */
  static final int WINDOW = 1 << 20;

  private static final int PCAP_MICROS = 0xa1b2c3d4;
  private static final int PCAP_NANOS = 0xa1b23c4d;
  private static final int PCAPNG_SECTION = 0x0a0d0d0a;

  private CaptureFiles() {}

  static CaptureReader open(Path file, Weirds weirds) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return open(in, file.getFileName().toString(), weirds);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads the format from the first bytes; the stream is closed with the reader. */
  static CaptureReader open(InputStream stream, String name, Weirds weirds) throws IOException {
    ByteInput in = new ByteInput(stream, WINDOW);
    int n = in.fill(4);
    if (n < 4) {
      throw new CaptureFormatException(name + " is not a capture: it is " + (n == 0 ? "empty" : "only " + n + " bytes long"));
    }
    byte[] b = in.array();
    int p = in.position();
    if ((b[p] & 0xff) == 0x1f && (b[p + 1] & 0xff) == 0x8b) {
      GZIPInputStream gzip;
      try {
        gzip = new GZIPInputStream(new ReplayedInput(in));
      } catch (ZipException | EOFException e) {
        throw new CaptureFormatException(name + " starts like gzip but cannot be decompressed (" + e.getMessage() + ")");
      }
      return open(new LenientGzip(gzip, name, weirds), name, weirds);
    }
    int big = (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | (b[p + 3] & 0xff);
    int little = Integer.reverseBytes(big);
    if (big == PCAP_MICROS || big == PCAP_NANOS) {
      return new PcapReader(in, name, ByteOrder.BIG_ENDIAN, big == PCAP_NANOS, weirds);
    }
    if (little == PCAP_MICROS || little == PCAP_NANOS) {
      return new PcapReader(in, name, ByteOrder.LITTLE_ENDIAN, little == PCAP_NANOS, weirds);
    }
    if (big == PCAPNG_SECTION) {
      return new PcapngReader(in, name, weirds);
    }
    throw new CaptureFormatException(String.format(
        "%s is not a pcap or pcapng capture (it starts with 0x%08x)", name, big));
  }

  /** The bytes a {@link ByteInput} has already buffered, then the rest of its stream. */
  private static final class ReplayedInput extends InputStream {
    private final ByteInput in;

    ReplayedInput(ByteInput in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      if (in.fill(1) < 1) {
        return -1;
      }
      int v = in.array()[in.position()] & 0xff;
      in.skip(1);
      return v;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      int n = Math.min(len, in.fill(Math.min(len, in.capacity())));
      if (n <= 0) {
        return -1;
      }
      System.arraycopy(in.array(), in.position(), dst, off, n);
      in.skip(n);
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Ends the stream where the compressed data is cut or corrupt, with a weird, instead of failing the replay. */
  private static final class LenientGzip extends InputStream {
    private final InputStream in;
    private final String name;
    private final Weirds weirds;
    private boolean ended;

    LenientGzip(InputStream in, String name, Weirds weirds) {
      this.in = in;
      this.name = name;
      this.weirds = weirds;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
      if (ended) {
        return -1;
      }
      try {
        return in.read(dst, off, len);
      } catch (EOFException e) {
        ended = true;
        weirds.report(0, "gzip_truncated", name + ": the compressed data ends early");
        return -1;
      } catch (ZipException e) {
        ended = true;
        weirds.report(0, "gzip_corrupt", name + ": " + e.getMessage());
        return -1;
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
