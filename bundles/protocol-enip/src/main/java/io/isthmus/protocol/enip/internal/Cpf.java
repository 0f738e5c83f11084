package io.isthmus.protocol.enip.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A Common Packet Format: an item count, then items of type, length and data. Items are read
 * while they fit, so an absurd count costs nothing; {@link #error} says what did not fit.
 */
record Cpf(List<Item> items, @Nullable String error) {
  static final int NULL_ADDRESS = 0x0000;
  static final int CIP_IDENTITY = 0x000c;
  static final int CONNECTED_ADDRESS = 0x00a1;
  static final int CONNECTED_DATA = 0x00b1;
  static final int UNCONNECTED_DATA = 0x00b2;
  static final int LIST_SERVICES = 0x0100;
  static final int SOCKADDR_O_T = 0x8000;
  static final int SOCKADDR_T_O = 0x8001;
  static final int SEQUENCED_ADDRESS = 0x8002;

  /** One item: its type and where its data lies. */
  record Item(int type, int start, int length) {
    int end() {
      return start + length;
    }
  }

  static Cpf parse(ByteBuffer b, int start, int end) {
    if (end - start < 2) {
      return new Cpf(List.of(), "no item count");
    }
    int count = Le.u16(b, start);
    List<Item> items = new ArrayList<>(Math.min(count, 4));
    int at = start + 2;
    for (int i = 0; i < count; i++) {
      if (end - at < 4) {
        return new Cpf(items, "item count " + count + " but only " + i + " items fit in the message");
      }
      int type = Le.u16(b, at);
      int length = Le.u16(b, at + 2);
      if (at + 4 + length > end) {
        return new Cpf(items, String.format("item %d (type 0x%04x) of %d bytes runs past the message by %d bytes", i,
            type, length, at + 4 + length - end));
      }
      items.add(new Item(type, at + 4, length));
      at += 4 + length;
    }
    return new Cpf(items, null);
  }
}
