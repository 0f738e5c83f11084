package io.isthmus.capture.internal;

import io.isthmus.api.decode.Conversation;
import io.isthmus.api.decode.ConversationDecoder;
import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.decode.Transport;
import java.util.Set;

/** A test decoder that is its own conversation decoder: one instance serves every conversation. */
abstract class OneShotDecoder implements ProtocolDecoder, ConversationDecoder {
  private final String protocol;
  private final int port;

  OneShotDecoder(String protocol, int port) {
    this.protocol = protocol;
    this.port = port;
  }

  @Override
  public String protocol() {
    return protocol;
  }

  @Override
  public Transport transport() {
    return Transport.TCP;
  }

  @Override
  public Set<Integer> ports() {
    return Set.of(port);
  }

  @Override
  public ConversationDecoder open(Conversation conversation) {
    return this;
  }
}
