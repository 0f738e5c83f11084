package io.isthmus.protocol.modbus.internal;

/**
 * Boxed 16-bit values (transaction ids, units, addresses, registers) shared instead of allocated:
 * {@link Integer#valueOf} caches only -128 to 127, and a polling capture boxes millions of them.
 * Filled as values appear; a racing fill at worst boxes one value twice (Integer is immutable).
 */
final class Uint16 {
  private static final Integer[] BOXES = new Integer[1 << 16];

  private Uint16() {}

  static Integer box(int value) {
    if (value < 0 || value >= BOXES.length) {
      return value;
    }
    Integer boxed = BOXES[value];
    if (boxed == null) {
      boxed = Integer.valueOf(value);
      BOXES[value] = boxed;
    }
    return boxed;
  }
}
