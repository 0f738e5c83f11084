package io.isthmus.capture.internal;

import java.io.IOException;

/** The file is not a capture this reader understands; the message is one line, fit to print. */
final class CaptureFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  CaptureFormatException(String message) {
    super(message);
  }
}
