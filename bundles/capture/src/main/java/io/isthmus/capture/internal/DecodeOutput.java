package io.isthmus.capture.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.event.TelemetryEvent;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where a replay puts what its decoders produce: events always, Zeek log rows only when asked
 * for (decoders do not build them otherwise).
 */
@FunctionalInterface
public interface DecodeOutput extends Consumer<TelemetryEvent> {

  default boolean wantsLogs() {
    return false;
  }

  /** See {@link io.isthmus.api.decode.DecodeSink#wantsEvents}. */
  default boolean wantsEvents() {
    return true;
  }

  /** A row a decoder logged for {@code conversation}; see {@link io.isthmus.api.decode.DecodeSink#log}. */
  default void log(Conversation conversation, long timeMicros, String path, Map<String, Object> row) {}
}
