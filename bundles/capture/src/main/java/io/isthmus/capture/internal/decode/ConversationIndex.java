package io.isthmus.capture.internal.decode;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.DecodeSink;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The conversations being decoded, by uid, so a weird reported with only a uid (by the capture
 * layer or a decoder) is written with the conversation's {@code id.*} columns and the decoder as
 * its source. Decoders are wrapped to learn of conversations as they open and close.
 */
final class ConversationIndex {
  /** More than the capture layer tracks at once; only conversations whose decoder failed are never closed. */
  private static final int MAX_ENTRIES = 262_144;

  record Entry(Conversation conversation, String source) {}

  private final Map<String, Entry> open = new LinkedHashMap<>() {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > MAX_ENTRIES;
    }
  };

  @Nullable Entry get(@Nullable String uid) {
    return uid == null ? null : open.get(uid);
  }

  void clear() {
    open.clear();
  }

  /** {@code decoder}, reporting its conversations to this index. */
  ProtocolDecoder track(ProtocolDecoder decoder) {
    String source = decoder.protocol().toUpperCase(Locale.ROOT);
    return new ProtocolDecoder() {
      @Override
      public String protocol() {
        return decoder.protocol();
      }

      @Override
      public Transport transport() {
        return decoder.transport();
      }

      @Override
      public Set<Integer> ports() {
        return decoder.ports();
      }

      @Override
      public ConversationDecoder open(Conversation conversation) {
        // Before the decoder's own open: a failure there is reported as a weird of this conversation.
        open.put(conversation.uid(), new Entry(conversation, source));
        return new Closing(decoder.open(conversation), conversation.uid());
      }
    };
  }

  private final class Closing implements ConversationDecoder {
    private final ConversationDecoder decoder;
    private final String uid;

    Closing(ConversationDecoder decoder, String uid) {
      this.decoder = decoder;
      this.uid = uid;
    }

    @Override
    public void onData(boolean fromClient, long timeMicros, ByteBuffer data, DecodeSink sink) {
      decoder.onData(fromClient, timeMicros, data, sink);
    }

    @Override
    public void onGap(boolean fromClient, long timeMicros, long missingBytes, DecodeSink sink) {
      decoder.onGap(fromClient, timeMicros, missingBytes, sink);
    }

    @Override
    public void onClose(long timeMicros, DecodeSink sink) {
      try {
        decoder.onClose(timeMicros, sink);
      } finally {
        open.remove(uid);
      }
    }
  }
}
