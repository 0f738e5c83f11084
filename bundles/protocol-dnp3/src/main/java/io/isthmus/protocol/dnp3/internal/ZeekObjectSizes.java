package io.isthmus.protocol.dnp3.internal;

/**
 * Object sizes as Zeek's DNP3 grammar reads them, which are not always the standard's: the walk
 * that decides which object headers Zeek reports (and so which rows its logs hold) must take the
 * same steps. Sizes are in bytes after an object's prefix.
 */
final class ZeekObjectSizes {
  /** Zeek reads the object as the rest of the fragment. */
  static final int REST = -1;
  /** Zeek consumes no data for the header (a request's objects of most groups). */
  static final int NONE = 0;
  /** A group 0 attribute: type code, length, value. */
  static final int ATTRIBUTE = -2;
  /** A structure of its own (files, authentication, data sets): sized by a size prefix, else not followed. */
  static final int STRUCTURED = -3;

  private static final int[] G20 = {5, 3, REST, REST, 4, 2, REST, REST};
  private static final int[] G21 = {5, 3, REST, REST, 11, 9, REST, REST, 4, 2, REST, REST};
  private static final int[] G22 = {5, 3, REST, REST, 11, 9, REST, REST};
  private static final int[] G30 = {5, 3, 4, 2, 5, 9};
  private static final int[] G31 = {5, 3, 11, 9, 4, 2, 5, 9};
  private static final int[] G32 = {5, 3, 11, 9, 5, 9, 11, 15};
  private static final int[] G33 = {5, 3, 11, 11, 5, 9, 11, 15};
  private static final int[] G40 = {5, 3, 5, 9};

  private ZeekObjectSizes() {}

  /** Whether Zeek reads {@code ceil(count / 8)} one-octet objects instead of {@code count} (packed bits). */
  static boolean packedInOctets(int group, int variation, boolean response) {
    int type = group << 8 | variation;
    return type == 0x0c03 || response && (type == 0x0101 || type == 0x0301 || type == 0x0a01);
  }

  /** The size of one object in a request (originator) fragment. */
  static int request(int group, int variation) {
    return switch (group) {
      case 12 -> variation == 1 || variation == 2 ? 11 : variation == 3 ? 1 : NONE;
      case 50 -> pick(variation, 6, 10, 6);
      case 51 -> pick(variation, 6, 6);
      case 52 -> pick(variation, 2, 2);
      case 70 -> variation >= 1 && variation <= 7 ? STRUCTURED : NONE;
      case 80 -> variation == 1 ? REST : NONE;
      case 120 -> variation == 4 ? 2 : variation >= 1 && variation <= 15 ? STRUCTURED : NONE;
      default -> NONE;
    };
  }

  /** Whether a request header of this type is followed by objects at all in Zeek's grammar. */
  static boolean requestHasObjects(int group, int variation) {
    return switch (group) {
      case 12 -> variation >= 1 && variation <= 3;
      case 50, 51, 52 -> variation >= 1 && variation <= (group == 50 ? 3 : 2);
      case 70 -> variation >= 1 && variation <= 7;
      case 80 -> variation == 1;
      case 120 -> variation >= 1 && variation <= 15;
      default -> false;
    };
  }

  /** The size of one object in a response (responder) fragment. */
  static int response(int group, int variation) {
    return switch (group) {
      case 0 -> variation >= 211 && variation != 244 && variation != 251 && variation != 253 ? ATTRIBUTE : REST;
      case 1, 10 -> pick(variation, 1, 1);
      case 2 -> pick(variation, 1, 7, 3);
      case 3 -> pick(variation, REST, 1);
      case 4 -> pick(variation, 7, 3);
      case 11, 13 -> pick(variation, 1, 7);
      case 12 -> pick(variation, 11, 11, 1);
      case 20 -> pick(variation, G20);
      case 21 -> pick(variation, G21);
      case 22, 23 -> pick(variation, G22);
      case 30 -> pick(variation, G30);
      case 31 -> pick(variation, G31);
      case 32, 42, 43 -> pick(variation, G32);
      case 33 -> pick(variation, G33);
      case 34 -> pick(variation, 2, 4, 4);
      case 40, 41 -> pick(variation, G40);
      case 50 -> pick(variation, 6, 10, 6);
      case 51 -> pick(variation, 6, 6);
      case 52 -> pick(variation, 2, 2);
      case 70 -> variation >= 1 && variation <= 7 ? STRUCTURED : REST;
      case 80 -> pick(variation, 2);
      case 81 -> pick(variation, 3);
      case 82, 83, 85, 91 -> variation >= 1 && variation <= (group == 83 ? 2 : 1) ? STRUCTURED : REST;
      case 86 -> pick(variation, STRUCTURED, 1, REST);
      case 101 -> pick(variation, 2, 4, 8);
      case 102 -> pick(variation, 1);
      case 110, 111, 112, 113 -> variation;
      case 120 -> variation == 4 ? 2 : variation >= 1 && variation <= 15 ? STRUCTURED : REST;
      default -> REST;
    };
  }

  private static int pick(int variation, int... sizes) {
    return variation >= 1 && variation <= sizes.length ? sizes[variation - 1] : REST;
  }
}
