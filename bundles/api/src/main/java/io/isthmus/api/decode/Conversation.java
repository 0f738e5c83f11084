package io.isthmus.api.decode;

import io.isthmus.api.event.Endpoint;
import java.util.Objects;

/**
 * One TCP connection, or the datagrams between one UDP client and server.
 *
 * @param uid identifier of the conversation, unique within a capture (Zeek's {@code uid})
 * @param transport TCP or UDP
 * @param client the endpoint that opened the conversation (sent the SYN or the first datagram)
 * @param server the endpoint that accepted it (the protocol's port)
 * @param tenant tenant of the sensor
 * @param sensor the sensor, interface or capture file
 */
public record Conversation(String uid, Transport transport, Endpoint client, Endpoint server, String tenant, String sensor) {
  public Conversation {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(sensor, "sensor");
  }
}
