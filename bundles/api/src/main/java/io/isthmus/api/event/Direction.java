package io.isthmus.api.event;

/** Which way a PDU travels relative to the OT device it concerns. */
public enum Direction {
  /** From a client or master to the device (a Modbus request, a DNP3 request, an MQTT client's PUBLISH). */
  REQUEST,
  /** From the device back to its client or master. */
  RESPONSE,
  /** Sent by the device on its own (DNP3 unsolicited response, BACnet I-Am, CIP I/O). */
  UNSOLICITED,
  /** The decoder cannot tell; the destination is taken as the device. */
  UNKNOWN
}
