package io.isthmus.capture.internal;

import io.isthmus.api.decode.Conversation;
import java.util.Map;

/** A Zeek log row a decoder wrote, with the conversation it belongs to. */
public record LoggedRow(String path, long timeMicros, Conversation conversation, Map<String, Object> row) {}
