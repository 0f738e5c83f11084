package io.isthmus.protocol.enip.internal;

import java.nio.ByteBuffer;

/**
 * Reads a padded EPATH (CIP Vol. 1 appendix C): port, logical (8/16/32-bit class, instance,
 * member, connection point, attribute; electronic key), network, symbolic and data (ANSI
 * extended symbol) segments. Never reads past {@code end}; an unknown or cut segment ends the
 * path with an error.
 */
final class Epath {
  private long classId = -1;
  private long instanceId = -1;
  private long attributeId = -1;
  private long member = -1;
  private long connectionPoint = -1;
  private StringBuilder symbol;
  private StringBuilder route;

  private Epath() {}

  static CipPath parse(ByteBuffer b, int start, int end) {
    return new Epath().read(b, start, end);
  }

  private CipPath read(ByteBuffer b, int start, int end) {
    int x = start;
    String error = null;
    while (x < end && error == null) {
      int s = Le.u8(b, x);
      int next = switch (s >> 5) {
        case 0 -> port(b, x, end);
        case 1 -> logical(b, x, end);
        case 2 -> network(b, x, end);
        case 3 -> symbolic(b, x, end);
        case 4 -> data(b, x, end);
        default -> -1;
      };
      if (next < 0 || next > end) {
        error = String.format("%s segment 0x%02x at byte %d", next < 0 ? "unsupported" : "truncated", s, x - start);
      } else {
        x = next;
      }
    }
    return new CipPath(classId, instanceId, attributeId, member, connectionPoint,
        symbol == null ? null : symbol.toString(), route == null ? null : route.toString(), error);
  }

  private int port(ByteBuffer b, int x, int end) {
    int s = Le.u8(b, x);
    int portId = s & 0x0f;
    int at = x + 1;
    if (portId == 15) {
      if (at + 2 > end) {
        return end + 1;
      }
      portId = Le.u16(b, at);
      at += 2;
    }
    if (at >= end) {
      return end + 1;
    }
    String link;
    int next;
    if ((s & 0x10) != 0) {
      int size = Le.u8(b, at);
      if (at + 1 + size > end) {
        return end + 1;
      }
      link = Le.text(b, at + 1, size);
      next = at + 1 + size;
    } else {
      link = Integer.toString(Le.u8(b, at));
      next = at + 1;
    }
    route = (route == null ? new StringBuilder() : route.append(',')).append(portId).append(':').append(link);
    return next + ((next - x) & 1);
  }

  private int logical(ByteBuffer b, int x, int end) {
    int s = Le.u8(b, x);
    int type = (s >> 2) & 7;
    int format = s & 3;
    if (type == 5) {
      // Electronic key: format byte 4 and eight bytes of key; other formats are not defined.
      return x + 1 < end && Le.u8(b, x + 1) == 4 ? x + 10 : -1;
    }
    int width = switch (format) {
      case 0 -> 1;
      case 1 -> 2;
      case 2 -> 4;
      default -> -1;
    };
    if (width < 0 || type > 4) {
      return -1;
    }
    int at = width == 1 ? x + 1 : x + 2;
    if (at + width > end) {
      return end + 1;
    }
    long value = width == 1 ? Le.u8(b, at) : width == 2 ? Le.u16(b, at) : Le.u32(b, at);
    switch (type) {
      case 0 -> classId = classId < 0 ? value : classId;
      case 1 -> instanceId = instanceId < 0 ? value : instanceId;
      case 2 -> member = member < 0 ? value : member;
      case 3 -> connectionPoint = connectionPoint < 0 ? value : connectionPoint;
      default -> attributeId = attributeId < 0 ? value : attributeId;
    }
    return at + width;
  }

  private static int network(ByteBuffer b, int x, int end) {
    int s = Le.u8(b, x);
    if ((s & 0x10) == 0) {
      return x + 2;
    }
    return x + 1 < end ? x + 2 + 2 * Le.u8(b, x + 1) : end + 1;
  }

  private int symbolic(ByteBuffer b, int x, int end) {
    int size = Le.u8(b, x) & 0x1f;
    if (size == 0) {
      return -1;
    }
    if (x + 1 + size > end) {
      return end + 1;
    }
    appendSymbol(Le.text(b, x + 1, size));
    int next = x + 1 + size;
    return next + ((next - x) & 1);
  }

  private int data(ByteBuffer b, int x, int end) {
    int s = Le.u8(b, x);
    if (x + 1 >= end) {
      return end + 1;
    }
    int size = Le.u8(b, x + 1);
    if (s == 0x80) {
      return x + 2 + 2 * size;
    }
    if (s != 0x91) {
      return -1;
    }
    if (x + 2 + size > end) {
      return end + 1;
    }
    appendSymbol(Le.text(b, x + 2, size));
    return x + 2 + size + (size & 1);
  }

  private void appendSymbol(String text) {
    symbol = (symbol == null ? new StringBuilder() : symbol.append('.')).append(text);
  }
}
