package io.isthmus.protocol.bacnet.internal;

import static io.isthmus.protocol.bacnet.internal.Recorder.bvlc;
import static io.isthmus.protocol.bacnet.internal.Recorder.unicast;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Datagrams encoded by hand from ASHRAE 135, one service or layer at a time. */
class BacnetConversationTest {

  @Test
  void whoIsWithRangeAndRouting() {
    // NPDU with DNET 0xFFFF (global broadcast), DLEN 0, hop count 255; Who-Is 10..20.
    Recorder r = new Recorder().send(true, bvlc(0x0b, "0120ffff00ff 1008 090a 1914"));
    TelemetryEvent e = r.last();
    assertEquals("WHO_IS", e.operation());
    assertEquals(Direction.REQUEST, e.direction());
    assertEquals("10-20", e.fields().get("range"));
    assertEquals(65535, e.fields().get("dnet"));
    assertEquals(255, e.fields().get("hop_count"));
    assertEquals("10-20", r.rows("bacnet_discovery").get(0).row().get("range"));
    assertEquals("Original_Broadcast_NPDU", r.rows("bacnet").get(0).row().get("bvlc_function"));
    assertNull(e.malformedReason());
  }

  @Test
  void iAmForwardedByABbmdComesFromTheOriginatingDevice() {
    // Forwarded-NPDU from 192.168.1.5:47808: I-Am device 45, max APDU 1476, no segmentation, vendor 15.
    Recorder r = new Recorder().send(false, bvlc(0x04, "c0a80105bac0 0100 1000 c40200002d 2205c4 9103 210f"));
    TelemetryEvent e = r.last();
    assertEquals("I_AM", e.operation());
    assertEquals(Direction.UNSOLICITED, e.direction());
    assertEquals("192.168.1.5", e.source().ip());
    assertEquals("45", e.source().deviceId());
    assertEquals("192.168.1.5", e.fields().get("original_source_h"));
    assertEquals(1476L, e.fields().get("max_apdu"));
    assertEquals("no-segmentation", e.fields().get("segmentation"));
    assertEquals("Cornell University", e.fields().get("vendor"));
    assertEquals("Forwarded_NPDU", r.rows("bacnet").get(0).row().get("bvlc_function"));
  }

  @Test
  void writePropertyWithValueAndPriority() {
    // WriteProperty analog-value 1 present-value := REAL 72.5, priority 8.
    Recorder r = new Recorder().send(true, unicast("0005070f 0c00800001 1955 3e 4442910000 3f 4908"));
    TelemetryEvent e = r.last();
    assertEquals("WRITE_PROPERTY", e.operation());
    assertEquals("analog-value", e.fields().get("object_type"));
    assertEquals(1L, e.fields().get("instance_number"));
    assertEquals("present-value", e.fields().get("property"));
    assertEquals("72.5", e.fields().get("value"));
    assertEquals(8L, e.fields().get("priority"));
    Map<String, Object> row = r.rows("bacnet_property").get(0).row();
    assertEquals("write-property", row.get("pdu_service"));
    assertEquals("72.500000", row.get("value"));
  }

  @Test
  void signedIntegersAreDecodedByTheStandardInEventsAndAsIcsnppDoesInRows() {
    // ReadProperty-ACK analog-value 1 present-value = INTEGER -100000 (three octets fe 79 60).
    Recorder r = new Recorder().send(false, unicast("30050c 0c00800001 1955 3e 33fe7960 3f"));
    assertEquals("-100000", r.last().fields().get("value"));
    // ICSNPP's get_signed reads only lengths 1, 2 and 4: a three-octet integer is 0 in its log.
    assertEquals("0", r.rows("bacnet_property").get(0).row().get("value"));
  }

  @Test
  void segmentedComplexAckIsReassembled() {
    // ReadProperty-ACK device 45 object-name = "Boiler", sent in two segments of invoke id 5.
    Recorder r = new Recorder()
        .send(false, unicast("3c0500040c 0c0200002d 194d 3e 75"))
        .send(false, unicast("380501040c 0700426f696c6572 3f"));
    assertEquals(2, r.events.size());
    assertEquals(true, r.events.get(0).fields().get("more_follows"));
    assertFalse(r.events.get(0).fields().containsKey("value"));
    TelemetryEvent done = r.last();
    assertEquals("Boiler", done.fields().get("value"));
    assertEquals("object-name", done.fields().get("property"));
    assertEquals(List.of(), r.weirds);
    // ICSNPP logs the message once, at its last segment.
    assertEquals(1, r.rows("bacnet").size());
    assertEquals("Boiler", r.rows("bacnet_property").get(0).row().get("value"));
  }

  @Test
  void badOrIncompleteSegmentSequencesAreWeird() {
    Recorder r = new Recorder()
        .send(false, unicast("3c0500040c 0c0200002d"))
        .send(false, unicast("3c0502040c 194d"));
    assertTrue(r.weird("bacnet_segment_out_of_order"), r.weirds.toString());
    r.send(false, unicast("380703040c 194d"));
    assertTrue(r.weird("bacnet_segment_without_start"), r.weirds.toString());
    r.send(false, unicast("3c0900040c 0c0200002d"));
    r.conversation.onClose(9_000_000, r);
    assertTrue(r.weird("bacnet_segments_incomplete"), r.weirds.toString());
    assertEquals(List.of(), r.rows("bacnet_property"));
  }

  @Test
  void deviceCommunicationControlAndReinitializeAreNamedWithTheirParameters() {
    Recorder r = new Recorder()
        .send(true, unicast("00050111 0905 1901 2d0400707764"))
        .send(false, unicast("200111"))
        .send(true, unicast("00050214 0901 1d0400616263"))
        .send(false, unicast("5002149105911a"));
    TelemetryEvent dcc = r.events.get(0);
    assertEquals("DEVICE_COMMUNICATION_CONTROL", dcc.operation());
    assertEquals("disable", dcc.fields().get("device_state"));
    assertEquals(5L, dcc.fields().get("time_duration"));
    assertEquals(true, dcc.fields().get("password_present"));
    assertEquals("DEVICE_COMMUNICATION_CONTROL", r.events.get(1).operation());
    assertEquals(Direction.RESPONSE, r.events.get(1).direction());
    assertEquals("REINITIALIZE_DEVICE", r.events.get(2).operation());
    assertEquals("warmstart", r.events.get(2).fields().get("device_state"));
    assertEquals("REINITIALIZE_DEVICE_ERROR", r.events.get(3).operation());
    assertEquals("services", r.events.get(3).fields().get("error_class"));
    assertEquals("password-failure", r.events.get(3).fields().get("result_code"));
    List<Recorder.Row> control = r.rows("bacnet_device_control");
    assertEquals(4, control.size());
    assertEquals("pwd", control.get(0).row().get("password"));
    assertEquals("SUCCESS", control.get(1).row().get("result"));
    assertEquals("abc", control.get(2).row().get("password"));
    assertEquals("password-failure", control.get(3).row().get("result_code"));
  }

  @Test
  void errorRejectAndAbortCarryTheirReasons() {
    Recorder r = new Recorder()
        .send(false, unicast("50050c 9102 9120"))
        .send(false, unicast("600509"))
        .send(false, unicast("710504"));
    assertEquals("READ_PROPERTY_ERROR", r.events.get(0).operation());
    assertEquals("unknown-property", r.events.get(0).fields().get("result_code"));
    assertEquals("REJECT", r.events.get(1).operation());
    assertEquals("unrecognized-service", r.events.get(1).fields().get("result_code"));
    assertEquals("ABORT", r.events.get(2).operation());
    assertEquals(Direction.RESPONSE, r.events.get(2).direction());
    assertEquals("segmentation-not-supported", r.events.get(2).fields().get("result_code"));
    assertEquals(List.of("unknown-property", "unrecognized-service", "segmentation-not-supported"),
        r.rows("bacnet").stream().map(x -> x.row().get("result_code")).toList());
    assertEquals("unknown-property", r.rows("bacnet_property").get(0).row().get("object_type"));
  }

  @Test
  void networkLayerMessages() {
    Recorder r = new Recorder().send(true, bvlc(0x0b, "018000"));
    assertEquals("WHO_IS_ROUTER_TO_NETWORK", r.last().operation());
    assertEquals("NPDU", r.rows("bacnet").get(0).row().get("pdu_type"));
    // Reject-Message-To-Network routed to network 5: the message type follows DNET, DADR and hop count.
    r.send(false, bvlc(0x0a, "01a0 0005 01 07 ff 03 00 0005"));
    assertEquals("REJECT_MESSAGE_TO_NETWORK", r.last().operation());
    assertEquals(5, r.last().fields().get("dnet"));
    // ICSNPP takes the octet after the control octet (DNET's high octet, 0) as the message type.
    assertEquals("who_is_router_to_network", r.rows("bacnet").get(1).row().get("pdu_service"));
  }

  @Test
  void bvlcFunctionsWithoutNpdu() {
    Recorder r = new Recorder()
        .send(true, bvlc(0x05, "003c"))
        .send(false, bvlc(0x00, "0030"))
        .send(true, bvlc(0x01, "c0a80101bac0ffffff00"));
    assertEquals("REGISTER_FOREIGN_DEVICE", r.events.get(0).operation());
    assertEquals(60, r.events.get(0).fields().get("time_to_live"));
    assertEquals("BVLC_RESULT", r.events.get(1).operation());
    assertEquals("Register-Foreign-Device_NAK", r.events.get(1).fields().get("result_code"));
    assertEquals("WRITE_BROADCAST_DISTRIBUTION_TABLE", r.events.get(2).operation());
    assertEquals(1, r.events.get(2).fields().get("table_entries"));
    assertEquals("Register-Foreign-Device_NAK", r.rows("bacnet").get(1).row().get("result_code"));
  }

  @Test
  void readPropertyMultipleListsEachPropertyWithItsValueOrError() {
    Recorder r = new Recorder()
        // Request: analog-value 1 present-value and status-flags; device 45 object-list[0].
        .send(true, unicast("0005030e 0c00800001 1e 0955 096f 1f 0c0200002d 1e 094c 1900 1f"))
        // ACK: present-value = 72.5; status-flags: error property/unknown-property.
        .send(false, unicast("30030e 0c00800001 1e 2955 4e 4442910000 4f 296f 5e 9102 9120 5f 1f"));
    assertEquals(List.of("analog-value:1 present-value", "analog-value:1 status-flags", "device:45 object-list[0]"),
        r.events.get(0).fields().get("properties"));
    assertEquals(List.of("analog-value:1 present-value", "analog-value:1 status-flags"),
        r.events.get(1).fields().get("properties"));
    assertEquals(List.of("72.5", "error:property/unknown-property"), r.events.get(1).fields().get("values"));
    // ICSNPP: one row per property tag of the request (the array index too), one per value of the ACK.
    assertEquals(List.of("present-value", "status-flags", "object-list", "acked-transition", "present-value",
        "status-flags"), r.rows("bacnet_property").stream().map(x -> x.row().get("property")).toList());
    assertEquals("PropertyError", r.rows("bacnet_property").get(5).row().get("value"));
  }
}
