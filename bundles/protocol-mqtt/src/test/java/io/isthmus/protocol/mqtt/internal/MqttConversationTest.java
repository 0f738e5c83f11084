package io.isthmus.protocol.mqtt.internal;

import static io.isthmus.protocol.mqtt.internal.Frames.bytes;
import static io.isthmus.protocol.mqtt.internal.Frames.concat;
import static io.isthmus.protocol.mqtt.internal.Frames.packet;
import static io.isthmus.protocol.mqtt.internal.Frames.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Malformed and hostile input on one conversation, fed the way the capture layer feeds it. */
class MqttConversationTest {
  private static final byte[] PINGREQ = bytes(0xC0, 0);
  private static final byte[] PUBLISH_Q0 = packet(0x30, concat(str("a/b"), "hello".getBytes()));

  private static MqttConversation decoder() {
    return new MqttConversation(Frames.CONVERSATION, MqttDecoder.DEFAULT_MAX_BUFFERED);
  }

  private static List<String> operations(Frames.Sink sink) {
    return sink.events.stream().map(TelemetryEvent::operation).toList();
  }

  @Test
  void passwordAndWillPayloadAppearNowhere() {
    MqttConversation d = decoder();
    Frames.Sink sink = new Frames.Sink();
    String password = "pw-SENTINEL-4711";
    String will = "will-SECRET-payload";
    Frames.feed(d, true, Frames.connect311("dev-1", "user-1", password, "dev/1/status", will), 7, sink);
    Frames.feed(d, false, bytes(0x20, 2, 0, 0), 4, sink);
    d.onClose(2_000_000L, sink);
    Map<String, Object> f = sink.events.get(0).fields();
    assertEquals(true, f.get("password_present"));
    assertEquals(true, f.get("username_present"));
    assertEquals(will.length(), f.get("will_payload_len"));
    assertEquals("dev/1/status", f.get("will_topic"));
    assertEquals(List.of("mqtt_connect"), sink.paths);
    String everything = sink.events + " " + sink.rows + " " + sink.weirds;
    assertFalse(everything.contains(password), everything);
    assertFalse(everything.contains("SENTINEL"), everything);
    assertFalse(everything.contains(will), everything);
    assertFalse(everything.contains("user-1"), everything);
    assertEquals(List.of(), sink.weirds);
  }

  @Test
  void fieldRunningPastThePacketIsMalformedAndTheNextPacketDecodes() {
    MqttConversation d = decoder();
    Frames.Sink sink = new Frames.Sink();
    byte[] lying = packet(0x30, bytes(0, 50, 'a', 'b', 'c'));  // topic length 50 in a 5-byte body
    Frames.feed(d, true, concat(lying, PINGREQ), 3, sink);
    assertEquals(List.of("PUBLISH", "PINGREQ"), operations(sink));
    assertEquals("the packet ends inside topic name", sink.events.get(0).malformedReason());
    assertEquals(List.of("mqtt_truncated_packet"), sink.weirdNames());
    assertTrue(sink.rows.isEmpty(), "no Zeek row for a packet Zeek's parser would reject");
  }

  @Test
  void everyTruncationOfAConnectIsMalformedNeverAnException() {
    byte[] full = Frames.connect311("dev-1", "u", "p", "w/t", "bye");
    for (int cut = 0; cut < full.length - 2; cut++) {
      byte[] body = java.util.Arrays.copyOfRange(full, 2, 2 + cut);
      Frames.Sink sink = new Frames.Sink();
      Frames.feed(decoder(), true, concat(packet(0x10, body), PINGREQ), 5, sink);
      assertEquals(List.of("CONNECT", "PINGREQ"), operations(sink), "cut at " + cut);
      assertTrue(sink.events.get(0).isMalformed(), "cut at " + cut);
    }
  }

  @Test
  void fiveByteRemainingLengthIsAWeirdAndDecodingResumes() {
    MqttConversation d = decoder();
    Frames.Sink sink = new Frames.Sink();
    Frames.feed(d, true, concat(bytes(0x30, 0xff, 0xff, 0xff, 0xff, 0x01), PUBLISH_Q0, PINGREQ), 64, sink);
    assertEquals(List.of("PUBLISH", "PINGREQ"), operations(sink));
    assertEquals("mqtt_bad_remaining_length", sink.weirdNames().get(0));
    assertTrue(sink.weirds.get(0).contains("5-byte"), sink.weirds.toString());
    assertEquals("mqtt_resync", sink.weirdNames().get(1));
  }

  @Test
  void absurdRemainingLengthNeverWaitsForOrBuffersThePayload() {
    MqttConversation d = decoder();
    Frames.Sink sink = new Frames.Sink();
    int remaining = 268_435_455;  // the largest length four bytes can say
    byte[] head = concat(bytes(0x30, 0xff, 0xff, 0xff, 0x7f), str("big/topic"));
    ByteBuffer first = ByteBuffer.allocate(head.length + MqttDecoder.DEFAULT_MAX_BUFFERED);
    first.put(head).position(0);
    d.onData(true, 1, first, sink);
    assertEquals(first.limit(), first.position(), "the buffered part is consumed, not held");
    assertEquals(List.of("PUBLISH"), operations(sink));
    assertEquals(remaining - 11, sink.events.get(0).fields().get("payload_len"));
    // The rest of the payload streams past without events; a gap inside it keeps the framing.
    d.onGap(true, 2, remaining - MqttDecoder.DEFAULT_MAX_BUFFERED - 11 - 100, sink);
    Frames.feed(d, true, concat(new byte[100 + 11 - head.length + 5], PINGREQ), 1000, sink);
    assertEquals(List.of("PUBLISH", "PINGREQ"), operations(sink));
    assertEquals(List.of(), sink.weirds);
  }

  @Test
  void oversizedPacketOtherThanPublishIsSkippedWithAWeird() {
    MqttConversation d = decoder();
    Frames.Sink sink = new Frames.Sink();
    byte[] big = packet(0x82, concat(bytes(0, 1), str("t".repeat(40_000)), bytes(0), str("u".repeat(40_000)), bytes(0)));
    Frames.feed(d, true, concat(big, PINGREQ), 4096, sink);
    assertEquals(List.of("PINGREQ"), operations(sink));
    assertEquals(List.of("mqtt_oversized_packet"), sink.weirdNames());
  }

  @Test
  void garbageIsGivenUpWithoutExceptions() {
    Random random = new Random(42);
    for (int round = 0; round < 200; round++) {
      byte[] junk = new byte[1 + random.nextInt(3000)];
      random.nextBytes(junk);
      MqttConversation d = decoder();
      Frames.Sink sink = new Frames.Sink();
      Frames.feed(d, round % 2 == 0, junk, 1 + random.nextInt(300), sink);
      d.onGap(false, 5, 10, sink);
      Frames.feed(d, round % 2 != 0, junk, 1 + random.nextInt(300), sink);
      d.onClose(6, sink);
    }
  }

  @Test
  void chunkingDoesNotChangeWhatIsDecoded() {
    byte[] stream = concat(Frames.connect311("c", "u", "p", "w", "x"), PUBLISH_Q0,
        packet(0x32, concat(str("q/1"), bytes(0, 7), "payload".getBytes())), packet(0x62, bytes(0, 7)),
        packet(0x82, concat(bytes(0, 8), str("s/+"), bytes(1), str("s/#"), bytes(2))), PINGREQ, bytes(0xE0, 0));
    Frames.Sink whole = new Frames.Sink();
    Frames.feed(decoder(), true, stream, stream.length, whole);
    for (int chunk = 1; chunk < 9; chunk++) {
      Frames.Sink pieces = new Frames.Sink();
      Frames.feed(decoder(), true, stream, chunk, pieces);
      assertEquals(whole.events.stream().map(TelemetryEvent::fields).toList(),
          pieces.events.stream().map(TelemetryEvent::fields).toList(), "chunk " + chunk);
    }
    assertEquals(List.of("CONNECT", "PUBLISH", "PUBLISH", "PUBREL", "SUBSCRIBE", "PINGREQ", "DISCONNECT"),
        operations(whole));
    assertEquals(List.of(), whole.weirds);
  }

  @Test
  void mqtt5TopicAliasResolvesAndAnUnknownAliasIsMalformed() {
    MqttConversation d = decoder();
    Frames.Sink sink = new Frames.Sink();
    byte[] connect = packet(0x10, concat(str("MQTT"), bytes(5, 0x02, 0, 30, 0), str("v5")));
    byte[] set = packet(0x30, concat(str("plant/a"), bytes(3, 0x23, 0, 9), "1".getBytes()));
    byte[] use = packet(0x30, concat(str(""), bytes(3, 0x23, 0, 9), "2".getBytes()));
    byte[] unknown = packet(0x30, concat(str(""), bytes(3, 0x23, 0, 4), "3".getBytes()));
    Frames.feed(d, true, concat(connect, set, use, unknown), 100, sink);
    assertEquals("plant/a", sink.events.get(2).fields().get("topic"));
    assertEquals(9, sink.events.get(2).fields().get("topic_alias"));
    assertNull(sink.events.get(2).malformedReason());
    assertEquals("topic alias 4 was never set", sink.events.get(3).malformedReason());
    assertEquals("5.0", sink.events.get(3).fields().get("proto_version"));
  }

  @Test
  void packetInTheWrongDirectionIsMalformed() {
    Frames.Sink sink = new Frames.Sink();
    Frames.feed(decoder(), false, PINGREQ, 2, sink);
    assertEquals(List.of("mqtt_wrong_direction"), sink.weirdNames());
  }

  @Test
  void qos2ExchangeIsOneOkRowAndAnUnackedQos1ExpiresIncomplete() {
    MqttConversation d = decoder();
    Frames.Sink sink = new Frames.Sink();
    d.onData(true, 1_000_000, ByteBuffer.wrap(packet(0x34, concat(str("q/2"), bytes(0, 5), "x".getBytes()))), sink);
    d.onData(false, 1_100_000, ByteBuffer.wrap(packet(0x50, bytes(0, 5))), sink);
    d.onData(true, 1_200_000, ByteBuffer.wrap(packet(0x62, bytes(0, 5))), sink);
    assertEquals(List.of(), sink.rows, "no row before PUBCOMP");
    d.onData(false, 1_300_000, ByteBuffer.wrap(packet(0x70, bytes(0, 5))), sink);
    assertEquals(List.of(Map.of("from_client", true, "retain", false, "qos", "exactly once", "status", "ok",
        "topic", "q/2", "payload", "x", "payload_len", 1)), sink.rows);
    d.onData(true, 2_000_000, ByteBuffer.wrap(packet(0x32, concat(str("q/1"), bytes(0, 6), "y".getBytes()))), sink);
    d.onData(true, 6_999_999, ByteBuffer.wrap(PINGREQ), sink);
    assertEquals(1, sink.rows.size(), "5 s have not passed yet");
    d.onData(true, 7_000_000, ByteBuffer.wrap(packet(0x40, bytes(0, 99))), sink);
    assertEquals("incomplete_qos", sink.rows.get(1).get("status"));
  }
}
