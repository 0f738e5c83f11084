package io.isthmus.launcher;

/** The runtime could not start: printed as one line, exit code 1. */
final class StartupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  StartupException(String message) {
    super(message);
  }

  StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
