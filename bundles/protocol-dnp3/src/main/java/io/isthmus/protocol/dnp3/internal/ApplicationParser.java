package io.isthmus.protocol.dnp3.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Decodes one application fragment (IEEE 1815 clause 4): the application header, and the
 * object headers with as much of each object's data as is needed to reach the next header.
 * Stops at the first header it cannot walk past (reserved qualifier, unknown object size,
 * absurd count, truncated data) and records why.
 */
final class ApplicationParser {
  /** Smallest fragment: application control and function code. */
  static final int REQUEST_HEADER = 2;
  /** A response also carries two octets of internal indications. */
  static final int RESPONSE_HEADER = 4;

  private final byte[] b;
  private final int function;
  private int pos;
  private final List<ObjectHeader> headers = new ArrayList<>();
  private final List<ControlBlock> controls = new ArrayList<>();
  private @Nullable String weird;
  private @Nullable String problem;

  private ApplicationParser(byte[] fragment) {
    this.b = fragment;
    this.function = fragment[1] & 0xff;
  }

  /** Decodes {@code fragment}, which holds at least {@link #REQUEST_HEADER} bytes. */
  static ApplicationFragment parse(byte[] fragment) {
    return new ApplicationParser(fragment).parse();
  }

  private ApplicationFragment parse() {
    int iin = -1;
    pos = REQUEST_HEADER;
    if (FunctionCodes.isResponse(function)) {
      if (b.length < RESPONSE_HEADER) {
        fail("dnp3_fragment_too_short", FunctionCodes.name(function) + " fragment of " + b.length
            + " bytes has no internal indications");
        pos = b.length;
      } else {
        iin = (b[2] & 0xff) << 8 | b[3] & 0xff;
        pos = RESPONSE_HEADER;
      }
    }
    while (pos < b.length && header()) {
      // each header() call consumes one header and its objects
    }
    return new ApplicationFragment(b[0] & 0xff, function, iin, List.copyOf(headers), List.copyOf(controls), weird,
        problem);
  }

  /** Reads one object header and walks its objects; false when the rest of the fragment cannot be decoded. */
  private boolean header() {
    int at = pos;
    if (b.length - pos < 3) {
      return fail("dnp3_truncated_object_header", (b.length - pos) + " bytes at offset " + at
          + " are too few for an object header");
    }
    int group = u8(pos);
    int variation = u8(pos + 1);
    int qualifier = u8(pos + 2);
    pos += 3;
    int range = qualifier & 0x0f;
    int rangeBytes = switch (range) {
      case 0, 3 -> 2;
      case 1, 4, 9 -> 4;
      case 2, 5 -> 8;
      case 6 -> 0;
      case 7, 0x0b -> 1;
      case 8 -> 2;
      default -> -1;
    };
    String what = "g" + group + "v" + variation + " qualifier 0x" + hex(qualifier) + " at offset " + at;
    if (rangeBytes < 0) {
      // Kept as a header without range or objects, as Zeek and Wireshark list it; nothing after it can be found.
      headers.add(new ObjectHeader(group, variation, qualifier, -1, -1, 0));
      return fail("dnp3_bad_qualifier", what + ": reserved range code " + range
          + "; the rest of the fragment is not decoded");
    }
    if (b.length - pos < rangeBytes) {
      return fail("dnp3_truncated_object_header", what + ": the range field needs " + rangeBytes + " bytes, "
          + (b.length - pos) + " left");
    }
    ObjectHeader h = rangeField(group, variation, qualifier, range, rangeBytes / 2);
    if (h == null) {
      return fail("dnp3_bad_range", what + ": range stop " + rangeStop(rangeBytes / 2) + " before start "
          + rangeStart(rangeBytes / 2));
    }
    pos += rangeBytes;
    headers.add(h);
    if ((qualifier & 0x80) != 0 || h.prefixCode() == 7) {
      return fail("dnp3_bad_qualifier", what + ": reserved prefix code or bit 7 set; the objects cannot be walked");
    }
    // A size prefix announces data whatever the function (a READ of file transport objects, g70v5, carries some).
    boolean data = h.prefixCode() >= 4 || FunctionCodes.carriesData(function, group);
    if (range == 6 || h.count() == 0 || !data) {
      return true;
    }
    int end = new ObjectWalker(this, b, pos, h, controls).walk();
    if (end < 0) {
      return false;
    }
    pos = end;
    return true;
  }

  private @Nullable ObjectHeader rangeField(int group, int variation, int qualifier, int range, int width) {
    if (range <= 5) {
      long start = rangeStart(width);
      long stop = rangeStop(width);
      return stop < start ? null : new ObjectHeader(group, variation, qualifier, start, stop, stop - start + 1);
    }
    if (range == 6) {
      return new ObjectHeader(group, variation, qualifier, -1, -1, 0);
    }
    return new ObjectHeader(group, variation, qualifier, -1, -1, le(pos, range == 9 ? 4 : range == 8 ? 2 : 1));
  }

  private long rangeStart(int width) {
    return le(pos, width);
  }

  private long rangeStop(int width) {
    return le(pos + width, width);
  }

  /** Records the first problem; always false, so callers can {@code return fail(...)}. */
  boolean fail(String name, String detail) {
    if (problem == null) {
      weird = name;
      problem = detail;
    }
    return false;
  }

  private int u8(int at) {
    return b[at] & 0xff;
  }

  long le(int at, int width) {
    long v = 0;
    for (int i = width - 1; i >= 0; i--) {
      v = v << 8 | (b[at + i] & 0xff);
    }
    return v;
  }

  static String hex(int octet) {
    return String.format("%02x", octet);
  }
}
