package io.isthmus.capture.internal;

/** Bytes all conversations together may hold back: out-of-order segments and unconsumed bytes. */
final class BufferBudget {
  private final long limit;
  private long used;

  BufferBudget(long limit) {
    this.limit = limit;
  }

  /** Takes {@code bytes} from the budget if they fit. */
  boolean reserve(long bytes) {
    if (used + bytes > limit) {
      return false;
    }
    used += bytes;
    return true;
  }

  void release(long bytes) {
    used -= bytes;
  }

  long used() {
    return used;
  }
}
