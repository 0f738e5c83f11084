package io.isthmus.capture.internal;

import java.util.SplittableRandom;

/**
 * Zeek-style conversation uids ("C" and 17 base-62 characters), unique within a replay and the
 * same on every replay of the same file under the same seed.
 */
final class ConversationIds {
  private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private final SplittableRandom random;

  ConversationIds(long seed) {
    this.random = new SplittableRandom(seed);
  }

  String next() {
    StringBuilder s = new StringBuilder(18).append('C');
    long bits = random.nextLong();
    long more = random.nextLong();
    for (int i = 0; i < 17; i++) {
      if (i == 9) {
        bits = more;
      }
      s.append(DIGITS.charAt((int) Long.remainderUnsigned(bits, 62)));
      bits = Long.divideUnsigned(bits, 62);
    }
    return s.toString();
  }
}
