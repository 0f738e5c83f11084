package io.isthmus.protocol.dnp3.internal;

import java.util.List;

/**
 * Walks the objects under one header to find where the next header starts, decoding the control
 * blocks on the way. Never allocates per object count: a count the remaining bytes cannot hold
 * is refused before the walk.
 */
final class ObjectWalker {
  private final ApplicationParser parser;
  private final byte[] b;
  private final ObjectHeader h;
  private final List<ControlBlock> controls;
  private int pos;

  ObjectWalker(ApplicationParser parser, byte[] fragment, int start, ObjectHeader header, List<ControlBlock> controls) {
    this.parser = parser;
    this.b = fragment;
    this.pos = start;
    this.h = header;
    this.controls = controls;
  }

  /** The offset after the last object, or -1 when the walk failed (the parser has the reason). */
  int walk() {
    int prefixCode = h.prefixCode();
    int prefixBytes = switch (prefixCode) {
      case 1, 4 -> 1;
      case 2, 5 -> 2;
      case 3, 6 -> 4;
      default -> 0;
    };
    boolean sizePrefix = prefixCode >= 4;
    int size = sizePrefix ? 1 : ObjectSizes.of(h.group(), h.variation());
    long remaining = b.length - pos;
    if (size == ObjectSizes.UNKNOWN) {
      return fail("dnp3_unknown_object_size", "no known size for objects of " + describe() + " without a size prefix;"
          + " the rest of the fragment (" + remaining + " bytes) is not decoded");
    }
    if (size == ObjectSizes.PACKED_1 || size == ObjectSizes.PACKED_2) {
      if (prefixBytes > 0) {
        return fail("dnp3_unknown_object_size", describe() + ": packed points cannot take an index prefix");
      }
      long bytes = (h.count() * (size == ObjectSizes.PACKED_1 ? 1 : 2) + 7) / 8;
      return bytes > remaining ? tooMany(bytes, remaining) : pos + (int) bytes;
    }
    int least = prefixBytes + (size == ObjectSizes.ATTRIBUTE ? 2 : size == ObjectSizes.VARIATION_OCTETS ? h.variation()
        : sizePrefix ? 0 : size);
    if (h.count() * Math.max(least, 1) > remaining) {
      return tooMany(h.count() * Math.max(least, 1), remaining);
    }
    for (long i = 0; i < h.count(); i++) {
      if (b.length - pos < prefixBytes) {
        return truncated(i);
      }
      long prefix = parser.le(pos, prefixBytes);
      pos += prefixBytes;
      long objectSize = sizePrefix ? prefix
          : size == ObjectSizes.VARIATION_OCTETS ? h.variation()
          : size == ObjectSizes.ATTRIBUTE ? (b.length - pos < 2 ? 2 : 2 + (b[pos + 1] & 0xff))
          : size;
      if (objectSize > b.length - pos) {
        return truncated(i);
      }
      control(i, prefixCode, prefix, (int) objectSize);
      pos += (int) objectSize;
    }
    return pos;
  }

  /** Decodes a CROB, PCB or analog output block at {@code pos}. */
  private void control(long i, int prefixCode, long prefix, int objectSize) {
    int group = h.group();
    int variation = h.variation();
    boolean relay = group == 12 && (variation == 1 || variation == 2) && objectSize >= 11;
    boolean analog = group == 41 && variation >= 1 && variation <= 4 && objectSize >= ObjectSizes.of(41, variation);
    if (!relay && !analog) {
      return;
    }
    long index = prefixCode >= 1 && prefixCode <= 3 ? prefix : h.hasRange() ? h.start() + i : -1;
    long zeekPrefix = prefixCode == 0 ? 0 : prefix;
    if (relay) {
      controls.add(new ControlBlock(group, variation, index, zeekPrefix, b[pos] & 0xff, b[pos + 1] & 0xff,
          parser.le(pos + 2, 4), parser.le(pos + 6, 4), null, b[pos + 10] & 0xff));
      return;
    }
    Number value = switch (variation) {
      case 1 -> (int) parser.le(pos, 4);
      case 2 -> (int) (short) parser.le(pos, 2);
      case 3 -> (double) Float.intBitsToFloat((int) parser.le(pos, 4));
      default -> Double.longBitsToDouble(parser.le(pos, 4) | parser.le(pos + 4, 4) << 32);
    };
    int statusAt = pos + ObjectSizes.of(41, variation) - 1;
    controls.add(new ControlBlock(group, variation, index, zeekPrefix, 0, 0, 0, 0, value, b[statusAt] & 0xff));
  }

  private String describe() {
    return "g" + h.group() + "v" + h.variation() + " (qualifier 0x" + ApplicationParser.hex(h.qualifier()) + ")";
  }

  private int tooMany(long needed, long remaining) {
    return fail("dnp3_object_count_exceeds_fragment", describe() + " announces " + h.count() + " objects, at least "
        + needed + " bytes, but " + remaining + " bytes remain in the fragment");
  }

  private int truncated(long index) {
    return fail("dnp3_truncated_object", describe() + ": object " + index + " of " + h.count()
        + " runs past the end of the fragment");
  }

  private int fail(String name, String detail) {
    parser.fail(name, detail);
    return -1;
  }
}
