package io.isthmus.protocol.bacnet.internal;

import org.jspecify.annotations.Nullable;

/**
 * The BVLC and NPDU layers of one BACnet/IP datagram (ASHRAE 135 Annex J and clause 6): which
 * BVLC function, the originating device of a Forwarded-NPDU, the NPDU's routing fields, and
 * where its network-layer message or APDU lies. {@link #problem} says why decoding stopped.
 */
final class Layers {
  static final int BVLC_TYPE = 0x81;
  static final int BVLC_RESULT = 0x00;
  static final int FORWARDED_NPDU = 0x04;
  static final int SECURE_BVLL = 0x0c;
  private static final int BDT_ENTRY = 10;
  private static final int FDT_ENTRY = 10;

  int function = -1;
  int declaredLength;
  int resultCode = -1;
  int ttl = -1;
  int entries = -1;
  @Nullable String originIp;
  int originPort = -1;
  boolean hasNpdu;
  int control;
  int dnet = -1;
  @Nullable String dadr;
  int snet = -1;
  @Nullable String sadr;
  int hopCount = -1;
  /** The network-layer message type, or -1 if the NPDU carries an APDU. */
  int messageType = -1;
  /** The byte ICSNPP takes for the message type: the one right after the control octet. */
  int zeekMessageType = -1;
  int vendorId = -1;
  int apduOffset;
  int end;
  @Nullable String problem;
  @Nullable String weird;
  /** Whether ICSNPP would log nothing for this datagram (its parser rejects it). */
  boolean zeekSilent;
  /** The BVLC message itself cannot be decoded: no event. */
  boolean undecodable;
  /** The NPDU cannot be decoded: no APDU or network message to report. */
  boolean npduFailed;

  static Layers parse(byte[] b, int length) {
    Layers l = new Layers();
    l.end = length;
    if (length < 4) {
      return l.reject("bacnet_truncated_bvlc", "a datagram of " + length + " bytes is shorter than a BVLC header");
    }
    if ((b[0] & 0xff) != BVLC_TYPE) {
      return l.reject("bacnet_not_bvlc", String.format("BVLC type 0x%02x, not 0x81 (BACnet/IP)", b[0] & 0xff));
    }
    l.function = b[1] & 0xff;
    l.declaredLength = u16(b, 2);
    if (l.declaredLength != length) {
      // Decoded to the end of the datagram regardless, as ICSNPP does: senders get this wrong.
      l.weird = "bacnet_bvlc_length_mismatch";
      l.problem = "BVLC length " + l.declaredLength + " in a datagram of " + length + " bytes";
    }
    int at = 4;
    switch (l.function) {
      case BVLC_RESULT -> {
        if (l.end - at < 2) {
          return l.reject("bacnet_truncated_bvlc", "a BVLC-Result without its result code");
        }
        l.resultCode = u16(b, at);
      }
      case 0x01, 0x03 -> l.entries = l.table(l.end - at, BDT_ENTRY, "broadcast distribution table");
      case 0x07 -> l.entries = l.table(l.end - at, FDT_ENTRY, "foreign device table");
      case 0x02, 0x06, SECURE_BVLL -> { }
      case 0x05 -> {
        if (l.end - at < 2) {
          return l.reject("bacnet_truncated_bvlc", "a Register-Foreign-Device without its time-to-live");
        }
        l.ttl = u16(b, at);
      }
      case 0x08 -> {
        if (l.end - at < 6) {
          return l.reject("bacnet_truncated_bvlc", "a Delete-Foreign-Device-Table-Entry without its B/IP address");
        }
        l.originIp = ip(b, at);
        l.originPort = u16(b, at + 4);
      }
      case FORWARDED_NPDU -> {
        if (l.end - at < 6) {
          return l.reject("bacnet_truncated_bvlc", "a Forwarded-NPDU without the originating device's B/IP address");
        }
        l.originIp = ip(b, at);
        l.originPort = u16(b, at + 4);
        l.npdu(b, at + 6);
      }
      case 0x09, 0x0a, 0x0b -> l.npdu(b, at);
      default -> {
        return l.reject("bacnet_unknown_bvlc_function", String.format("BVLC function 0x%02x", l.function));
      }
    }
    return l;
  }

  private int table(int bytes, int entry, String what) {
    if (bytes % entry != 0) {
      weird = "bacnet_bad_bvlc_table";
      problem = "a " + what + " of " + bytes + " bytes is not a whole number of " + entry + "-byte entries";
      zeekSilent = true;
    }
    return bytes / entry;
  }

  private void npdu(byte[] b, int at) {
    hasNpdu = true;
    if (end - at < 2) {
      npduFail("bacnet_truncated_npdu", "an NPDU cut off after " + (end - at) + " bytes");
      return;
    }
    if (b[at] != 1) {
      npduFail("bacnet_bad_npdu_version", "NPDU protocol version " + (b[at] & 0xff) + ", not 1");
      return;
    }
    control = b[at + 1] & 0xff;
    at += 2;
    boolean networkMessage = (control & 0x80) != 0;
    if (networkMessage && at < end) {
      zeekMessageType = b[at] & 0xff;
    }
    if ((control & 0x20) != 0) {
      if (end - at < 3 || end - at < 3 + (b[at + 2] & 0xff)) {
        npduFail("bacnet_truncated_npdu", "an NPDU destination specifier runs past the end");
        // ICSNPP reads the message type before the routing fields, so it still logs the message.
        zeekSilent = zeekMessageType < 0;
        return;
      }
      dnet = u16(b, at);
      int dlen = b[at + 2] & 0xff;
      dadr = hex(b, at + 3, dlen);
      at += 3 + dlen;
    }
    if ((control & 0x08) != 0) {
      if (end - at < 3 || end - at < 3 + (b[at + 2] & 0xff)) {
        npduFail("bacnet_truncated_npdu", "an NPDU source specifier runs past the end");
        zeekSilent = zeekMessageType < 0;
        return;
      }
      snet = u16(b, at);
      int slen = b[at + 2] & 0xff;
      sadr = hex(b, at + 3, slen);
      at += 3 + slen;
    }
    if ((control & 0x20) != 0) {
      if (at >= end) {
        npduFail("bacnet_truncated_npdu", "an NPDU without its hop count");
        zeekSilent = zeekMessageType < 0;
        return;
      }
      hopCount = b[at++] & 0xff;
    }
    if (networkMessage) {
      if (at >= end) {
        npduFail("bacnet_truncated_npdu", "a network-layer message without its type");
        zeekSilent = zeekMessageType < 0;
        return;
      }
      messageType = b[at++] & 0xff;
      if (messageType >= 0x80) {
        if (end - at >= 2) {
          vendorId = u16(b, at);
        }
        at += 2;
      }
    }
    apduOffset = Math.min(at, end);
  }

  private void npduFail(String name, String detail) {
    npduFailed = true;
    fail(name, detail);
  }

  private Layers reject(String name, String detail) {
    undecodable = true;
    return fail(name, detail);
  }

  private Layers fail(String name, String detail) {
    weird = name;
    problem = detail;
    zeekSilent = true;
    return this;
  }

  static int u16(byte[] b, int at) {
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  private static String ip(byte[] b, int at) {
    return (b[at] & 0xff) + "." + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff);
  }

  private static String hex(byte[] b, int at, int len) {
    StringBuilder s = new StringBuilder(len * 2);
    for (int k = 0; k < len; k++) {
      s.append(Character.forDigit((b[at + k] >> 4) & 0xf, 16)).append(Character.forDigit(b[at + k] & 0xf, 16));
    }
    return s.toString();
  }
}
