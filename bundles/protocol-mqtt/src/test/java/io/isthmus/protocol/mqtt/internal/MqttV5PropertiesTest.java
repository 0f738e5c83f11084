package io.isthmus.protocol.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * MQTT 5 properties, subscription options and reason codes in the recorded capture, against what
 * the recording script (src/test/record/record.sh) told the clients to send.
 */
class MqttV5PropertiesTest {
  private static final OfflineReplay.Result V5 = Captures.replay("mqtt_v5.pcapng");

  private static TelemetryEvent first(String clientId, String operation) {
    return V5.events().stream()
        .filter(e -> clientId.equals(e.fields().get("client_id")) && e.operation().equals(operation))
        .findFirst().orElseThrow(() -> new AssertionError("no " + operation + " of " + clientId));
  }

  @Test
  void connectAndPublishProperties() {
    Map<String, Object> connect = first("v5-props", "CONNECT").fields();
    assertEquals(30, connect.get("session_expiry_interval"));
    assertEquals(List.of("site"), connect.get("user_property_keys"));
    Map<String, Object> publish = first("v5-props", "PUBLISH").fields();
    assertEquals("application/json", publish.get("content_type"));
    assertEquals(60, publish.get("message_expiry_interval"));
    assertEquals("plant/props/reply", publish.get("response_topic"));
    assertEquals(List.of("unit"), publish.get("user_property_keys"));
    assertEquals("{\"t\":20}".length(), publish.get("payload_len"));
  }

  @Test
  void subscriptionIdentifierAndOptions() {
    assertEquals(7, first("v5-subid", "SUBSCRIBE").fields().get("subscription_identifier"));
    Map<String, Object> raw = first("raw-subopts", "SUBSCRIBE").fields();
    assertEquals(List.of("plant/opts", "plant/+/x"), raw.get("topics"));
    assertEquals(List.of(0x2d, 0), raw.get("subscription_options"));  // QoS 1, no local, retain as published, RH 2
    assertEquals(List.of(1, 0), raw.get("qos_levels"));
    assertEquals(9, first("raw-subopts", "SUBSCRIBE").fields().get("msg_id"));
  }

  @Test
  void reasonCodes() {
    Map<String, Object> refused = first("v5-authm", "CONNACK").fields();
    assertEquals(0x8C, refused.get("return_code"));
    assertEquals("Bad authentication method", refused.get("connect_status"));
    assertEquals("SCRAM-SHA-1", first("v5-authm", "CONNECT").fields().get("authentication_method"));
    Map<String, Object> auth = first("raw-auth", "AUTH").fields();
    assertEquals(0x19, auth.get("reason_code"));
    assertEquals("SCRAM", auth.get("authentication_method"));
    Map<String, Object> disconnect = first("raw-will", "DISCONNECT").fields();
    assertEquals(4, disconnect.get("reason_code"));
    assertEquals("Disconnect with Will Message", disconnect.get("reason"));
    Map<String, Object> badPassword = first("v5-badpw", "CONNACK").fields();
    assertEquals(0x87, badPassword.get("return_code"));  // Mosquitto answers a bad password with Not authorized
    assertEquals("Not authorized", badPassword.get("connect_status"));
  }

  @Test
  void topicAliasCarriesTheTopicOnAfterTheFirstPublish() {
    List<TelemetryEvent> publishes = V5.events().stream()
        .filter(e -> "v5-alias".equals(e.fields().get("client_id")) && e.operation().equals("PUBLISH")).toList();
    assertEquals(3, publishes.size());
    for (TelemetryEvent e : publishes) {
      assertEquals("plant/alias/topic", e.fields().get("topic"));
      assertEquals(3, e.fields().get("topic_alias"));
    }
    assertEquals(List.of(27, 10, 10), publishes.stream().map(e -> e.fields().get("remaining_length")).toList());
  }
}
