package io.isthmus.capture.internal;

import static io.isthmus.capture.internal.CaptureFiles.MAX_FRAME;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * pcapng: blocks of type, length, body and the length again. Each section (Section Header Block)
 * sets the byte order and starts a new list of interfaces; each Interface Description Block sets
 * the link type and timestamp unit of the packets that name it. Enhanced, Simple and obsolete
 * Packet Blocks carry frames; other blocks are skipped. A block whose length is absurd or whose
 * trailing length disagrees is skipped by looking for the next plausible block.
 */
final class PcapngReader implements CaptureReader {
  static final int SECTION_HEADER = 0x0a0d0d0a;
  static final int INTERFACE_DESCRIPTION = 1;
  static final int PACKET = 2;
  static final int SIMPLE_PACKET = 3;
  static final int NAME_RESOLUTION = 4;
  static final int INTERFACE_STATISTICS = 5;
  static final int ENHANCED_PACKET = 6;
  static final int DECRYPTION_SECRETS = 10;
  static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;

  private static final int OPTION_TSRESOL = 9;
  private static final int OPTION_TSOFFSET = 14;
  /** Larger blocks are not read but skipped; beyond this a length is taken as damage. */
  private static final long MAX_BLOCK = 64L << 20;
  private static final int MAX_INTERFACES = 65_536;
  private static final long RESYNC_LIMIT = 16L << 20;

  private final ByteInput in;
  private final String name;
  private final Weirds weirds;
  private final List<PcapngInterface> interfaces = new ArrayList<>();
  private final Frame frame = new Frame();
  private boolean big;
  private long pendingSkip;
  private long lastMicros;

  PcapngReader(ByteInput in, String name, Weirds weirds) throws IOException {
    this.in = in;
    this.name = name;
    this.weirds = weirds;
    if (in.fill(12) < 12) {
      throw new CaptureFormatException(name + " is cut inside its pcapng section header");
    }
    Boolean order = byteOrder(in.position());
    if (order == null) {
      throw new CaptureFormatException(name + " starts like pcapng but its section header has no byte-order magic");
    }
    big = order;
  }

  @Override
  public String format() {
    return "pcapng";
  }

  @Override
  public @Nullable Frame next() throws IOException {
    in.skip(pendingSkip);
    pendingSkip = 0;
    while (true) {
      long at = in.offset();
      int n = in.fill(12);
      if (n == 0) {
        return null;
      }
      if (n < 12) {
        weirds.report(lastMicros, "pcapng_truncated", name + ": the file ends inside the block header at offset " + at);
        in.skip(n);
        return null;
      }
      int p = in.position();
      int type = Bytes.i32(in.array(), p, big);
      if (type == SECTION_HEADER) {
        Boolean order = byteOrder(p);
        if (order == null) {
          weirds.report(lastMicros, "pcapng_bad_byte_order", name + ": the section header at offset " + at
              + " has no byte-order magic");
          if (!resync(at)) {
            return null;
          }
          continue;
        }
        big = order;
      }
      long length = Bytes.u32(in.array(), p + 4, big);
      if (length < 12 || length % 4 != 0 || length > MAX_BLOCK) {
        weirds.report(lastMicros, "pcapng_bad_block_length", name + ": the block at offset " + at + " (type "
            + type + ") claims a length of " + length);
        if (!resync(at)) {
          return null;
        }
        continue;
      }
      if (length > in.capacity()) {
        if (!skipLarge(type, length, at)) {
          return null;
        }
        continue;
      }
      int len = (int) length;
      n = in.fill(len);
      if (n < len) {
        weirds.report(lastMicros, "pcapng_truncated", name + ": the file ends inside the block at offset " + at
            + " (type " + type + ", " + n + " of " + len + " bytes)");
        in.skip(n);
        return null;
      }
      p = in.position();
      if (Bytes.u32(in.array(), p + len - 4, big) != length) {
        weirds.report(lastMicros, "pcapng_block_length_mismatch", name + ": the block at offset " + at + " (type "
            + type + ") ends with a length different from its header's");
        if (!resync(at)) {
          return null;
        }
        continue;
      }
      Frame f = block(type, p, len, at);
      if (f != null) {
        pendingSkip = len;
        return f;
      }
      in.skip(len);
    }
  }

  private @Nullable Frame block(int type, int p, int len, long at) {
    byte[] b = in.array();
    switch (type) {
      case SECTION_HEADER -> {
        interfaces.clear();
        if (len < 28) {
          return damaged(at, "a section header of " + len + " bytes");
        }
        int major = Bytes.u16(b, p + 12, big);
        if (major != 1) {
          weirds.report(lastMicros, "pcapng_unsupported_version", name + ": section at offset " + at + " has version "
              + major + "." + Bytes.u16(b, p + 14, big) + ", read as 1.0");
        }
        return null;
      }
      case INTERFACE_DESCRIPTION -> {
        if (len < 20) {
          return damaged(at, "an interface description of " + len + " bytes");
        }
        if (interfaces.size() >= MAX_INTERFACES) {
          weirds.report(lastMicros, "pcapng_too_many_interfaces", name + ": more than " + MAX_INTERFACES
              + " interfaces in one section; the one at offset " + at + " is ignored");
          return null;
        }
        interfaces.add(interfaceAt(p, len, at));
        return null;
      }
      case ENHANCED_PACKET, PACKET -> {
        if (len < 32) {
          return damaged(at, "a packet block of " + len + " bytes");
        }
        long id = type == PACKET ? Bytes.u16(b, p + 8, big) : Bytes.u32(b, p + 8, big);
        long timestamp = Bytes.u32(b, p + 12, big) << 32 | Bytes.u32(b, p + 16, big);
        return packet(id, timestamp, p + 28, Bytes.u32(b, p + 20, big), Bytes.u32(b, p + 24, big), len - 32, at);
      }
      case SIMPLE_PACKET -> {
        if (len < 16) {
          return damaged(at, "a simple packet block of " + len + " bytes");
        }
        long original = Bytes.u32(b, p + 8, big);
        long captured = Math.min(original, len - 16);
        if (!interfaces.isEmpty() && interfaces.get(0).snapLength() > 0) {
          captured = Math.min(captured, interfaces.get(0).snapLength());
        }
        return packet(0, -1, p + 12, captured, original, len - 16, at);
      }
      default -> {
        return null;
      }
    }
  }

  /** A packet of interface {@code id}; {@code timestamp} -1 for a Simple Packet Block, which has none. */
  private @Nullable Frame packet(long id, long timestamp, int data, long captured, long original, int room, long at) {
    if (captured > room || captured > MAX_FRAME) {
      return damaged(at, "a packet of " + captured + " captured bytes in a block with room for " + room);
    }
    if (id >= interfaces.size()) {
      weirds.report(lastMicros, "pcapng_unknown_interface", name + ": the packet at offset " + at + " names interface "
          + id + ", but the section describes " + interfaces.size());
      return null;
    }
    PcapngInterface iface = interfaces.get((int) id);
    if (timestamp >= 0) {
      lastMicros = iface.micros(timestamp);
    }
    frame.set(lastMicros, iface.linkType(), in.array(), data, (int) captured,
        (int) Math.min(Math.max(original, captured), Integer.MAX_VALUE));
    return frame;
  }

  private PcapngInterface interfaceAt(int p, int len, long at) {
    byte[] b = in.array();
    int linkType = Bytes.u16(b, p + 8, big);
    long snapLength = Bytes.u32(b, p + 12, big);
    TimeResolution resolution = TimeResolution.MICROS;
    long offset = 0;
    int o = p + 16;
    int end = p + len - 4;
    while (o + 4 <= end) {
      int code = Bytes.u16(b, o, big);
      int length = Bytes.u16(b, o + 2, big);
      int value = o + 4;
      if (code == 0 || value + length > end) {
        break;
      }
      if (code == OPTION_TSRESOL && length >= 1) {
        TimeResolution r = TimeResolution.ofOption(Bytes.u8(b, value));
        if (r == null) {
          weirds.report(lastMicros, "pcapng_bad_tsresol", name + ": interface at offset " + at
              + " has timestamp resolution byte " + Bytes.u8(b, value) + "; read as microseconds");
        } else {
          resolution = r;
        }
      } else if (code == OPTION_TSOFFSET && length >= 8) {
        offset = Bytes.i64(b, value, big) * 1_000_000L;
      }
      o = value + (length + 3 & ~3);
    }
    return new PcapngInterface(linkType, snapLength, resolution, offset);
  }

  private @Nullable Frame damaged(long at, String what) {
    weirds.report(lastMicros, "pcapng_bad_block", name + ": the block at offset " + at + " is " + what);
    return null;
  }

  /** Skips a block too large for the window: never a packet, since frames are smaller. */
  private boolean skipLarge(int type, long length, long at) throws IOException {
    if (type == ENHANCED_PACKET || type == PACKET || type == SIMPLE_PACKET) {
      weirds.report(lastMicros, "pcapng_bad_block_length", name + ": the packet block at offset " + at
          + " claims a length of " + length);
      return resync(at);
    }
    long skipped = in.skip(length - 4);
    if (skipped < length - 4 || in.fill(4) < 4) {
      weirds.report(lastMicros, "pcapng_truncated", name + ": the file ends inside the block at offset " + at);
      return false;
    }
    if (Bytes.u32(in.array(), in.position(), big) != length) {
      weirds.report(lastMicros, "pcapng_block_length_mismatch", name + ": the block at offset " + at + " (type "
          + type + ") ends with a length different from its header's");
      return resync(at);
    }
    in.skip(4);
    return true;
  }

  /** Moves to the next plausible block after the damaged one at {@code at}. */
  private boolean resync(long at) throws IOException {
    long start = in.offset();
    while (in.offset() - start < RESYNC_LIMIT) {
      in.skip(1);
      int n = in.fill(12);
      if (n < 12) {
        in.skip(n);
        return false;
      }
      if (plausibleBlock()) {
        return true;
      }
    }
    weirds.report(lastMicros, "pcapng_resync_failed", name + ": no plausible block within " + RESYNC_LIMIT
        + " bytes after offset " + at + "; the rest of the file is skipped");
    return false;
  }

  private boolean plausibleBlock() throws IOException {
    int p = in.position();
    boolean order = big;
    int type = Bytes.i32(in.array(), p, order);
    if (type == SECTION_HEADER) {
      Boolean o = byteOrder(p);
      if (o == null) {
        return false;
      }
      order = o;
    } else if (!(type >= INTERFACE_DESCRIPTION && type <= ENHANCED_PACKET || type == DECRYPTION_SECRETS)) {
      return false;
    }
    long length = Bytes.u32(in.array(), p + 4, order);
    if (length < 12 || length % 4 != 0 || length > in.capacity()) {
      return false;
    }
    int len = (int) length;
    if (in.fill(len) < len) {
      return false;
    }
    if (Bytes.u32(in.array(), in.position() + len - 4, order) != length) {
      return false;
    }
    big = order;
    return true;
  }

  /** The byte order a section header at {@code p} declares: {@code true} for big-endian, {@code null} if none. */
  private @Nullable Boolean byteOrder(int p) {
    int magic = Bytes.i32(in.array(), p + 8, true);
    if (magic == BYTE_ORDER_MAGIC) {
      return Boolean.TRUE;
    }
    return Integer.reverseBytes(magic) == BYTE_ORDER_MAGIC ? Boolean.FALSE : null;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
