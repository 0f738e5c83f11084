package io.isthmus.protocol.mqtt.internal;

/**
 * A control packet that breaks the protocol, thrown while decoding one packet and caught by the
 * conversation (it never leaves the decoder). Carries the weird name and no stack trace.
 */
final class Malformed extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final String weird;

  Malformed(String weird, String detail) {
    super(detail, null, false, false);
    this.weird = weird;
  }

  static Malformed truncated(String what) {
    return new Malformed("mqtt_truncated_packet", "the packet ends inside " + what);
  }
}
