package io.isthmus.protocol.mqtt.internal;

import java.util.HashMap;
import java.util.Map;

/** Framing state of one direction, and the MQTT 5 topic aliases its sender has set. */
final class Side {
  /** Topic aliases kept per direction; more are reported, not stored (each can hold 64 KiB). */
  static final int MAX_ALIASES = 256;

  /** Payload bytes of an oversized PUBLISH still to pass. */
  long skip;
  boolean resyncing;
  long skipped;
  private final Map<Integer, String> aliases = new HashMap<>();

  /**
   * A PUBLISH with a topic alias: a topic name sets the alias, an empty one uses it. The event's
   * {@code topic} becomes the topic the message is published to.
   */
  void resolveAlias(int alias, Fields f) {
    String topic = f.get("topic") instanceof String t ? t : "";
    if (alias == 0) {
      f.malformed("mqtt_bad_topic_alias", "topic alias 0");
    } else if (!topic.isEmpty()) {
      if (aliases.size() < MAX_ALIASES || aliases.containsKey(alias)) {
        aliases.put(alias, topic);
      } else {
        f.malformed("mqtt_too_many_topic_aliases", "more than " + MAX_ALIASES + " topic aliases; alias " + alias
            + " is not remembered");
      }
    } else if (aliases.containsKey(alias)) {
      f.put("topic", aliases.get(alias));
    } else {
      f.malformed("mqtt_unknown_topic_alias", "topic alias " + alias + " was never set");
    }
  }
}
