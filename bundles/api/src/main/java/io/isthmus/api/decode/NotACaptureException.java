package io.isthmus.api.decode;

import java.io.IOException;

/**
 * A file given to {@link CaptureService#replay} is empty or not a pcap or pcapng capture. The
 * message is one line that names the file and says what it starts with, fit to show a user.
 */
public class NotACaptureException extends IOException {
  private static final long serialVersionUID = 1L;

  public NotACaptureException(String message) {
    super(message);
  }
}
