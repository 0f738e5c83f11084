package io.isthmus.protocol.dnp3.internal;

/**
 * How much data one object of a group and variation takes, to walk from an object header to the
 * next (IEEE 1815 Annex A). Sizes are in bytes; the negative constants mark layouts that are not
 * a fixed number of bytes per object.
 */
final class ObjectSizes {
  /** Nothing is known of the layout: the walk cannot go past such a header unless the qualifier gives sizes. */
  static final int UNKNOWN = 0;
  /** One bit per point, packed into whole octets after the last point. */
  static final int PACKED_1 = -1;
  /** Two bits per point (double-bit inputs), packed. */
  static final int PACKED_2 = -2;
  /** A device attribute (group 0): data type code, length octet, that many value octets. */
  static final int ATTRIBUTE = -3;
  /** An octet string whose variation is its length (groups 110 to 113). */
  static final int VARIATION_OCTETS = -4;

  private static final int[] G20 = {5, 3, 5, 3, 4, 2, 4, 2};
  private static final int[] G21 = {5, 3, 5, 3, 11, 9, 11, 9, 4, 2, 4, 2};
  private static final int[] G22 = {5, 3, 5, 3, 11, 9, 11, 9};
  private static final int[] G30 = {5, 3, 4, 2, 5, 9};
  private static final int[] G31 = {5, 3, 11, 9, 4, 2, 5, 9};
  private static final int[] ANALOG_EVENT = {5, 3, 11, 9, 5, 9, 11, 15};
  private static final int[] ANALOG_OUTPUT = {5, 3, 5, 9};

  private ObjectSizes() {}

  /** The size of one object of {@code group} variation {@code variation}, or one of the constants above. */
  static int of(int group, int variation) {
    return switch (group) {
      case 0 -> ATTRIBUTE;
      case 1, 10 -> pick(variation, PACKED_1, 1);
      case 2, 4 -> pick(variation, 1, 7, 3);
      case 3 -> pick(variation, PACKED_2, 1);
      case 11, 13 -> pick(variation, 1, 7);
      case 12 -> pick(variation, 11, 11, PACKED_1);
      case 20 -> pick(variation, G20);
      case 21 -> pick(variation, G21);
      case 22, 23 -> pick(variation, G22);
      case 30 -> pick(variation, G30);
      case 31 -> pick(variation, G31);
      case 32, 33, 42, 43 -> pick(variation, ANALOG_EVENT);
      case 34 -> pick(variation, 2, 4, 4);
      case 40, 41 -> pick(variation, ANALOG_OUTPUT);
      case 50 -> pick(variation, 6, 10, 6, 11);
      case 51 -> pick(variation, 6, 6);
      case 52 -> pick(variation, 2, 2);
      case 80 -> pick(variation, PACKED_1);
      case 86 -> variation == 2 ? 1 : UNKNOWN;
      case 101 -> pick(variation, 2, 4, 8);
      case 102 -> pick(variation, 1);
      case 110, 111, 112, 113 -> variation == 0 ? UNKNOWN : VARIATION_OCTETS;
      case 120 -> variation == 4 ? 2 : UNKNOWN;
      case 121 -> pick(variation, 7);
      case 122 -> pick(variation, 7, 13);
      default -> UNKNOWN;
    };
  }

  /** Variation 1 is {@code sizes[0]}; variation 0 (any) and undefined variations have no known size. */
  private static int pick(int variation, int... sizes) {
    return variation >= 1 && variation <= sizes.length ? sizes[variation - 1] : UNKNOWN;
  }
}
