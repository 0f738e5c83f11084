package io.isthmus.launcher;

/** A problem with what the user asked for: printed as one line, exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
