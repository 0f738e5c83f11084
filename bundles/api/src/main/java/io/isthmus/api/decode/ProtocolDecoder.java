package io.isthmus.api.decode;

import java.util.Set;

/**
 * A protocol decoder plugin, registered as a service by its own bundle so one protocol can be
 * updated without touching the others. The capture layer routes a conversation to the decoder
 * whose transport and server port match.
 */
public interface ProtocolDecoder {

  /** Lower-case protocol name, as in {@link io.isthmus.api.event.TelemetryEvent#protocol()}. */
  String protocol();

  Transport transport();

  /** Server ports the protocol uses by default (502 for Modbus/TCP, 47808 for BACnet/IP). */
  Set<Integer> ports();

  /** A decoder for one new conversation. */
  ConversationDecoder open(Conversation conversation);
}
