package io.isthmus.protocol.dnp3.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The object headers and control blocks of a fragment as Zeek's DNP3 grammar finds them, for
 * the log rows only. Zeek parses whatever the originator sends as a request and whatever the
 * responder sends as a response, consumes no data after most request headers, reads some objects
 * as "the rest of the fragment" (see {@link ZeekObjectSizes}), and gives up on the connection
 * when its parser runs out of bytes ({@link #zeekStops}). Where that differs from the standard,
 * the events follow the standard ({@link ApplicationParser}) and the rows follow Zeek.
 */
final class ZeekWalk {
  /**
   * One object header as Zeek's {@code dnp3_object_header} event reports it.
   *
   * @param count Zeek's object count: 0 for absolute-address and "all" ranges
   * @param low the range start, or for count qualifiers the count field read most significant
   *     octet first (a 2-byte count of 1 is 256)
   * @param high the range stop, 0 for count qualifiers, 65535 for "all"
   */
  record Header(int group, int variation, long count, long low, long high) {}

  final List<Header> headers = new ArrayList<>();
  final List<ControlBlock> controls = new ArrayList<>();
  /** Zeek's parser ran out of bytes: it stops analysing the connection after this fragment. */
  boolean zeekStops;

  private final byte[] b;
  private final boolean response;
  private int pos;

  private ZeekWalk(byte[] fragment, boolean response) {
    this.b = fragment;
    this.response = response;
  }

  /** Walks {@code fragment} (at least two bytes) from the originator ({@code orig}) or the responder. */
  static ZeekWalk of(byte[] fragment, boolean orig) {
    ZeekWalk walk = new ZeekWalk(fragment, !orig);
    walk.walk();
    return walk;
  }

  private void walk() {
    int function = b[1] & 0xff;
    if (response) {
      if (b.length < ApplicationParser.RESPONSE_HEADER) {
        zeekStops = true;
        return;
      }
      if (!FunctionCodes.isResponse(function)) {
        return; // read as opaque bytes
      }
      pos = ApplicationParser.RESPONSE_HEADER;
    } else {
      if (function > 0x21 || function == FunctionCodes.CONFIRM || isEmptyRequest(function)) {
        return;
      }
      pos = ApplicationParser.REQUEST_HEADER;
    }
    while (pos < b.length && !zeekStops && header()) {
      // one header and its objects per call
    }
  }

  /** Requests whose objects Zeek's grammar does not read. */
  private static boolean isEmptyRequest(int function) {
    return function == 0x0d || function == 0x0e || function == 0x0f || function == 0x13 || function == 0x17
        || function == 0x18;
  }

  /** One header and its objects; false when the walk cannot go on. */
  private boolean header() {
    if (b.length - pos < 3) {
      return outOfBytes();
    }
    int group = b[pos] & 0xff;
    int variation = b[pos + 1] & 0xff;
    int qualifier = b[pos + 2] & 0xff;
    pos += 3;
    int range = qualifier & 0x0f;
    int width = switch (range) {
      case 0, 3, 7, 0x0b -> 1;
      case 1, 4, 8 -> 2;
      case 2, 5, 9 -> 4;
      case 6 -> 0;
      default -> -1;
    };
    if (width < 0) {
      headers.add(new Header(group, variation, 0, 0, 0));
      pos = b.length; // Zeek reads an unknown range field as the rest of the fragment
      return false;
    }
    int fields = range <= 5 ? 2 : range == 6 ? 0 : 1;
    if (b.length - pos < width * fields) {
      return outOfBytes();
    }
    long first = le(pos, width);
    long second = fields == 2 ? le(pos + width, width) : 0;
    long count;
    long low;
    long high;
    if (range <= 2) {
      count = second - first + 1;
      low = first;
      high = second;
    } else if (range <= 5) {
      count = 0;
      low = be(pos, width);
      high = be(pos + width, width);
    } else if (range == 6) {
      count = 0;
      low = 0xffff;
      high = 0xffff;
    } else {
      count = first;
      low = be(pos, width);
      high = 0;
    }
    pos += width * fields;
    headers.add(new Header(group, variation, count, low, high));
    if (count < 0) {
      return false; // a reversed range: Zeek's array length is negative
    }
    return objects(group, variation, qualifier, count);
  }

  private boolean objects(int group, int variation, int qualifier, long count) {
    if (!response && !ZeekObjectSizes.requestHasObjects(group, variation)) {
      return true;
    }
    int size = response ? ZeekObjectSizes.response(group, variation) : ZeekObjectSizes.request(group, variation);
    long items = ZeekObjectSizes.packedInOctets(group, variation, response) ? (count + 7) / 8 : count;
    int prefixCode = qualifier & 0xf0;
    int prefixBytes = switch (prefixCode) {
      case 0x10, 0x40 -> 1;
      case 0x20, 0x50 -> 2;
      case 0x30, 0x60 -> 4;
      default -> 0;
    };
    boolean sizePrefix = prefixCode >= 0x40 && prefixCode <= 0x60;
    if (size == ZeekObjectSizes.REST && items > 0) {
      // The first object takes the rest; further objects need their prefixes from nothing.
      pos = b.length;
      return items == 1 || prefixBytes == 0 || outOfBytes();
    }
    if (size >= 0 && (long) (prefixBytes + size) * items > b.length - pos) {
      return outOfBytes();
    }
    if (size == 0 && prefixBytes == 0) {
      return true; // objects of no bytes
    }
    for (long i = 0; i < items; i++) {
      if (b.length - pos < prefixBytes) {
        return outOfBytes();
      }
      long prefix = le(pos, prefixBytes);
      pos += prefixBytes;
      long objectSize = size;
      if (size == ZeekObjectSizes.ATTRIBUTE) {
        objectSize = b.length - pos < 2 ? 2 : 2 + (b[pos + 1] & 0xff);
      } else if (size == ZeekObjectSizes.STRUCTURED) {
        if (!sizePrefix) {
          pos = b.length; // not followed: nothing after it is reported
          return false;
        }
        objectSize = prefix;
      }
      if (objectSize > b.length - pos) {
        return outOfBytes();
      }
      if (group == 12 && (variation == 1 || variation == 2) && objectSize == 11) {
        controls.add(new ControlBlock(group, variation, -1, prefix, b[pos] & 0xff, b[pos + 1] & 0xff, le(pos + 2, 4),
            le(pos + 6, 4), null, b[pos + 10] & 0xff));
      }
      pos += (int) objectSize;
    }
    return true;
  }

  private boolean outOfBytes() {
    zeekStops = true;
    return false;
  }

  private long le(int at, int width) {
    long v = 0;
    for (int i = width - 1; i >= 0; i--) {
      v = v << 8 | (b[at + i] & 0xff);
    }
    return v;
  }

  private long be(int at, int width) {
    long v = 0;
    for (int i = 0; i < width; i++) {
      v = v << 8 | (b[at + i] & 0xff);
    }
    return v;
  }
}
