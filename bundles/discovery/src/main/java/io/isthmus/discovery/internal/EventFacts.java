package io.isthmus.discovery.internal;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.Endpoint;
import io.isthmus.api.event.TelemetryEvent;
import org.jspecify.annotations.Nullable;

/**
 * Turns one event into facts about its two ends: who sent to whom in which protocol, the roles the
 * exchange proves (a Modbus request's sender is a client, its receiver a server), and the identity
 * the payload states ({@link IdentityFacts}).
 */
final class EventFacts {
  private final DeviceTable table;

  EventFacts(DeviceTable table) {
    this.table = table;
  }

  void observe(TelemetryEvent event) {
    Endpoint source = event.source();
    Endpoint destination = event.destination();
    boolean sourceUnicast = Addresses.isUnicast(source.ip());
    boolean destinationUnicast = Addresses.isUnicast(destination.ip());
    DeviceFacts sender = sourceUnicast ? table.track(source.ip()) : null;
    // On a loopback capture both ends are one host, which then plays both roles.
    DeviceFacts receiver = destinationUnicast ? table.track(destination.ip()) : null;
    String protocol = event.protocol();
    if (sender != null) {
      sender.sent(event.timeMicros(), source.mac(), protocol, destinationUnicast ? destination.ip() : null);
      deviceId(protocol, source, sender);
    }
    if (receiver != null) {
      receiver.addressed(protocol, sourceUnicast ? source.ip() : null);
      deviceId(protocol, destination, receiver);
    }
    Roles roles = roles(event);
    if (roles != null) {
      if (sender != null && roles.sender != null) {
        sender.role(roles.sender);
      }
      if (receiver != null && roles.receiver != null) {
        receiver.role(roles.receiver);
      }
      if ("mqtt-broker".equals(roles.sender) && sender != null) {
        sender.type("broker"); // an MQTT server is a broker by definition; only once it answered
      }
    }
    if (sender != null && !event.isMalformed()) {
      IdentityFacts.fromSender(event, sender);
    }
    if (receiver != null && "mqtt".equals(protocol) && event.direction() == Direction.RESPONSE) {
      IdentityFacts.mqttClient(event, receiver);
    }
  }

  /** A protocol-level address the endpoint carries: a DNP3 link address, a BACnet device instance. */
  private static void deviceId(String protocol, Endpoint endpoint, DeviceFacts facts) {
    String id = endpoint.deviceId();
    if (id == null) {
      return;
    }
    switch (protocol) {
      case "dnp3" -> facts.attributeListValue("dnp3_address", id, 8);
      // Devices behind a BACnet router share its address: keep their instances side by side.
      case "bacnet" -> facts.attributeListValue("bacnet_device_instance", id, 8);
      default -> { }
    }
  }

  /** The roles of the sender and the receiver; either may be {@code null}. */
  private record Roles(@Nullable String sender, @Nullable String receiver) {}

  private static @Nullable Roles roles(TelemetryEvent event) {
    Direction d = event.direction();
    return switch (event.protocol()) {
      case "modbus" -> clientServer(d, "modbus-client", "modbus-server");
      case "dnp3" -> clientServer(d, "dnp3-master", "dnp3-outstation");
      case "enip" -> "CIP_IO".equals(event.operation()) ? null : clientServer(d, "enip-scanner", "enip-adapter");
      case "bacnet" -> bacnet(event);
      case "mqtt" -> mqtt(event);
      default -> null;
    };
  }

  private static @Nullable Roles clientServer(Direction d, String client, String server) {
    return switch (d) {
      case REQUEST -> new Roles(client, server);
      case RESPONSE -> new Roles(server, client);
      case UNSOLICITED -> new Roles(server, null);
      case UNKNOWN -> null;
    };
  }

  /** APDUs only: network-layer and BVLL messages come from routers and BBMDs as much as from devices. */
  private static @Nullable Roles bacnet(TelemetryEvent event) {
    Object type = event.fields().get("pdu_type");
    if (type == null || "NPDU".equals(type)) {
      return null;
    }
    return clientServer(event.direction(), "bacnet-client", "bacnet-server");
  }

  /** The broker is the server; a client's PUBLISH makes it a publisher, a SUBSCRIBE or a delivered message a subscriber. */
  private static @Nullable Roles mqtt(TelemetryEvent event) {
    String op = event.operation();
    return switch (event.direction()) {
      case REQUEST -> new Roles(switch (op) {
        case "PUBLISH" -> "mqtt-publisher";
        case "SUBSCRIBE" -> "mqtt-subscriber";
        default -> "mqtt-client";
      }, "mqtt-broker");
      case RESPONSE -> new Roles("mqtt-broker", "PUBLISH".equals(op) ? "mqtt-subscriber" : "mqtt-client");
      default -> null;
    };
  }
}
