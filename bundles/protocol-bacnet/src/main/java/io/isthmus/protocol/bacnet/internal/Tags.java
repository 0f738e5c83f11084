package io.isthmus.protocol.bacnet.internal;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The BACnet tags of one service's parameters, flat and in order: application and context tags
 * with their data, opening and closing tags. Parsed once into arrays (no object per tag); a tag
 * whose length runs past the end makes the whole list invalid, as it does for ICSNPP. Lengths are
 * only compared, never allocated, so an absurd length costs nothing.
 */
final class Tags {
  static final int OPENING = 6;
  static final int CLOSING = 7;
  /** Deeper nesting than any standard BACnet construct: reported, never recursed into. */
  static final int MAX_DEPTH = 32;

  final byte[] buffer;
  int count;
  /** Tag number (extended numbers resolved). */
  int[] number = new int[16];
  /** Whether a context tag (class bit set). */
  boolean[] context = new boolean[16];
  /** The length/value/type bits: 6 opening, 7 closing, 5 extended length. */
  int[] lvt = new int[16];
  /** The length as ICSNPP's {@code tag_length_a} (an application boolean's value bit). */
  long[] lengthA = new long[16];
  int[] offset = new int[16];
  int[] length = new int[16];
  /** Why the list is invalid, or null. */
  @Nullable String error;
  int deepest;
  boolean unbalanced;

  private Tags(byte[] buffer) {
    this.buffer = buffer;
  }

  static Tags parse(byte[] b, int from, int to) {
    Tags t = new Tags(b);
    int at = from;
    int depth = 0;
    while (at < to) {
      int header = b[at] & 0xff;
      int next = at + 1;
      int number = header >>> 4;
      if (number == 15) {
        if (next >= to) {
          return t.fail("an extended tag number cut off at byte " + (at - from));
        }
        number = b[next++] & 0xff;
      }
      boolean context = (header & 0x08) != 0;
      int lvt = header & 0x07;
      long lengthA = lvt == OPENING || lvt == CLOSING ? 0 : lvt;
      if (lvt == 5) {
        if (next >= to) {
          return t.fail("an extended tag length cut off at byte " + (at - from));
        }
        int ext = b[next++] & 0xff;
        if (ext == 254 || ext == 255) {
          int size = ext == 254 ? 2 : 4;
          if (next + size > to) {
            return t.fail("an extended tag length cut off at byte " + (at - from));
          }
          lengthA = 0;
          for (int i = 0; i < size; i++) {
            lengthA = lengthA << 8 | (b[next++] & 0xff);
          }
        } else {
          lengthA = ext;
        }
      }
      long length = (header >>> 4) == 1 && !context ? 0 : lengthA;
      if (length > to - next) {
        return t.fail("tag " + number + " at byte " + (at - from) + " declares " + length + " data bytes, "
            + (to - next) + " remain");
      }
      if (lvt == OPENING) {
        t.deepest = Math.max(t.deepest, ++depth);
      } else if (lvt == CLOSING && --depth < 0) {
        t.unbalanced = true;
        depth = 0;
      }
      t.add(number, context, lvt, lengthA, next, (int) length);
      at = next + (int) length;
    }
    t.unbalanced |= depth != 0;
    return t;
  }

  private Tags fail(String why) {
    error = why;
    return this;
  }

  private void add(int n, boolean ctx, int l, long la, int off, int len) {
    if (count == number.length) {
      int size = count * 2;
      number = Arrays.copyOf(number, size);
      context = Arrays.copyOf(context, size);
      lvt = Arrays.copyOf(lvt, size);
      lengthA = Arrays.copyOf(lengthA, size);
      offset = Arrays.copyOf(offset, size);
      length = Arrays.copyOf(length, size);
    }
    number[count] = n;
    context[count] = ctx;
    lvt[count] = l;
    lengthA[count] = la;
    offset[count] = off;
    length[count] = len;
    count++;
  }

  boolean opening(int i) {
    return lvt[i] == OPENING;
  }

  boolean closing(int i) {
    return lvt[i] == CLOSING;
  }

  /** A context tag {@code n} that holds data (not an opening or closing tag). */
  boolean isContext(int i, int n) {
    return i < count && context[i] && number[i] == n && lvt[i] != OPENING && lvt[i] != CLOSING;
  }

  boolean isOpening(int i, int n) {
    return i < count && number[i] == n && lvt[i] == OPENING;
  }

  boolean isClosing(int i, int n) {
    return i < count && number[i] == n && lvt[i] == CLOSING;
  }

  /** The first four data bytes as an unsigned big-endian number (ICSNPP's get_unsigned). */
  long unsigned(int i) {
    long v = 0;
    int n = Math.min(length[i], 4);
    for (int k = 0; k < n; k++) {
      v = v << 8 | (buffer[offset[i] + k] & 0xff);
    }
    return v;
  }

  /** The first data byte, or 0 for an empty tag. */
  int firstByte(int i) {
    return length[i] > 0 ? buffer[offset[i]] & 0xff : 0;
  }

  int objectType(int i) {
    return length[i] == 4 ? (int) (unsigned(i) >>> 22) : -1;
  }

  long instance(int i) {
    return length[i] == 4 ? unsigned(i) & 0x3f_ffff : -1;
  }
}
