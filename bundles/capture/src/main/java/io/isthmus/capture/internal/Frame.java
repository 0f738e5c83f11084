package io.isthmus.capture.internal;

/**
 * One captured frame as a reader hands it out. The reader reuses the object and its bytes: they
 * are valid until the reader's next call.
 */
final class Frame {
  long timeMicros;
  int linkType;
  /** Bytes captured: {@code data[offset, offset + capturedLength)}. */
  byte[] data = new byte[0];
  int offset;
  int capturedLength;
  /** Length of the frame on the wire; more than {@link #capturedLength} when the snap length cut it. */
  int originalLength;

  void set(long timeMicros, int linkType, byte[] data, int offset, int capturedLength, int originalLength) {
    this.timeMicros = timeMicros;
    this.linkType = linkType;
    this.data = data;
    this.offset = offset;
    this.capturedLength = capturedLength;
    this.originalLength = originalLength;
  }
}
