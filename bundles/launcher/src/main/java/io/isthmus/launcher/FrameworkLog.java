package io.isthmus.launcher;

import org.apache.felix.framework.Logger;
import org.jspecify.annotations.Nullable;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The framework's own log (resolver and start failures) as one line per message on stderr: the
 * message and its causes' messages, never a stack trace. Health and the bundle diagnostics carry
 * the details.
 */
final class FrameworkLog extends Logger {

  @Override
  protected void doLog(@Nullable Bundle bundle, @Nullable ServiceReference sr, int level, String msg,
      @Nullable Throwable throwable) {
    StringBuilder line = new StringBuilder("felix ").append(name(level)).append(": ").append(msg);
    for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String m = t.getMessage();
      if (m != null && !msg.contains(m)) {
        line.append(": ").append(m);
      }
    }
    System.err.println(line);
  }

  private static String name(int level) {
    return switch (level) {
      case LOG_ERROR -> "ERROR";
      case LOG_WARNING -> "WARN";
      case LOG_INFO -> "INFO";
      default -> "DEBUG";
    };
  }
}
