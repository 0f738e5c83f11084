package io.isthmus.protocol.mqtt.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one control packet between absolute positions of a buffer, without moving
 * the buffer. Every read is bounds-checked against the packet's end: a field that runs past it
 * throws {@link Malformed}, so a length field can never make the decoder allocate more than the
 * packet holds.
 */
final class Reader {
  private final ByteBuffer data;
  private final int end;
  private int at;

  Reader(ByteBuffer data, int from, int end) {
    this.data = data;
    this.at = from;
    this.end = end;
  }

  int position() {
    return at;
  }

  int remaining() {
    return end - at;
  }

  ByteBuffer buffer() {
    return data;
  }

  private void need(int n, String what) {
    if (end - at < n) {
      throw Malformed.truncated(what);
    }
  }

  int u8(String what) {
    need(1, what);
    return data.get(at++) & 0xff;
  }

  int u16(String what) {
    need(2, what);
    int v = (data.get(at) & 0xff) << 8 | (data.get(at + 1) & 0xff);
    at += 2;
    return v;
  }

  long u32(String what) {
    need(4, what);
    long v = (long) u16(what) << 16;
    return v | u16(what);
  }

  /** A variable byte integer of at most four bytes (MQTT 5 property lengths and identifiers). */
  int varint(String what) {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int b = u8(what);
      value |= (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new Malformed("mqtt_bad_varint", what + " is a variable byte integer longer than 4 bytes");
  }

  /** A length-prefixed UTF-8 string; bytes that are not UTF-8 make the packet malformed. */
  String string(String what) {
    int length = u16(what + " length");
    need(length, what);
    ByteBuffer slice = data.duplicate();
    slice.limit(at + length).position(at);
    at += length;
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(slice);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new Malformed("mqtt_bad_utf8", what + " is not UTF-8");
    }
  }

  /** Skips a length-prefixed binary field (a password, a will payload) and returns its length. */
  int skipBinary(String what) {
    int length = u16(what + " length");
    skip(length, what);
    return length;
  }

  void skip(int n, String what) {
    need(n, what);
    at += n;
  }
}
