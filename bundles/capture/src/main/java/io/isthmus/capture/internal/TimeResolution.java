package io.isthmus.capture.internal;

import org.jspecify.annotations.Nullable;

/**
 * A pcapng interface's timestamp unit (option {@code if_tsresol}): 10^-exponent or
 * 2^-exponent seconds.
 *
 * @param binary whether the unit is a negative power of two rather than of ten
 */
record TimeResolution(boolean binary, int exponent) {
  static final TimeResolution MICROS = new TimeResolution(false, 6);
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  /** The resolution an {@code if_tsresol} byte describes, or {@code null} if no 64-bit timestamp can use it. */
  static @Nullable TimeResolution ofOption(int value) {
    boolean binary = (value & 0x80) != 0;
    int exponent = value & 0x7f;
    return (binary ? exponent > 62 : exponent > 18) ? null : new TimeResolution(binary, exponent);
  }

  long toMicros(long units) {
    if (binary) {
      long seconds = units >>> exponent;
      long fraction = units & ((1L << exponent) - 1);
      long micros = exponent <= 43
          ? (fraction * 1_000_000L) >>> exponent
          : (long) (fraction / (double) (1L << exponent) * 1_000_000d);
      return seconds * 1_000_000L + micros;
    }
    if (exponent >= 6) {
      return units / POWERS_OF_TEN[exponent - 6];
    }
    return units * POWERS_OF_TEN[6 - exponent];
  }
}
