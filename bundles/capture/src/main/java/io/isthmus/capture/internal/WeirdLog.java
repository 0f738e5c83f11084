package io.isthmus.capture.internal;

import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Logs weirds without flooding: the first of each name at WARN, the rest at DEBUG. Every one is
 * counted anyway, and the replay summary lists the counts.
 */
final class WeirdLog implements Weirds.Listener {
  private final Logger log;
  private final String source;
  private final Set<String> seen = new HashSet<>();

  WeirdLog(Logger log, String source) {
    this.log = log;
    this.source = source;
  }

  @Override
  public void weird(long timeMicros, String name, String detail, @Nullable String uid) {
    String conversation = uid == null ? "" : " in " + uid;
    if (seen.add(name)) {
      log.warn("{}: weird {}{}: {} (further {} weirds are logged at debug level)", source, name, conversation, detail,
          name);
    } else if (log.isDebugEnabled()) {
      log.debug("{}: weird {}{}: {}", source, name, conversation, detail);
    }
  }
}
