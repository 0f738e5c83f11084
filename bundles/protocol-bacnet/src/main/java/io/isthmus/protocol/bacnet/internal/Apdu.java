package io.isthmus.protocol.bacnet.internal;

import org.jspecify.annotations.Nullable;

/**
 * The fixed header of one APDU (ASHRAE 135 clause 20.1): PDU type and flags, invoke id,
 * segmentation fields, service choice, and where the service parameters start.
 */
final class Apdu {
  static final int CONFIRMED_REQUEST = 0;
  static final int UNCONFIRMED_REQUEST = 1;
  static final int SIMPLE_ACK = 2;
  static final int COMPLEX_ACK = 3;
  static final int SEGMENT_ACK = 4;
  static final int ERROR = 5;
  static final int REJECT = 6;
  static final int ABORT = 7;
  /** Highest service choices ICSNPP accepts; a higher one makes it drop the APDU. */
  static final int CONFIRMED_SERVICE_MAX = 32;
  static final int UNCONFIRMED_SERVICE_MAX = 15;

  int type;
  boolean segmented;
  boolean moreFollows;
  boolean segmentedResponseAccepted;
  /** NAK bit of a Segment-ACK; SRV bit of a Segment-ACK or Abort. */
  boolean nak;
  boolean server;
  int maxSegments = -1;
  int maxApdu = -1;
  int invokeId = -1;
  int sequence = -1;
  int window = -1;
  int service = -1;
  int reason = -1;
  int params;
  int end;
  @Nullable String problem;

  static Apdu parse(byte[] b, int at, int end) {
    Apdu a = new Apdu();
    a.end = end;
    if (at >= end) {
      return a.fail("an NPDU without an APDU");
    }
    int first = b[at] & 0xff;
    a.type = first >>> 4;
    a.segmented = (first & 0x08) != 0;
    a.moreFollows = (first & 0x04) != 0;
    int p = at + 1;
    switch (a.type) {
      case CONFIRMED_REQUEST -> {
        a.segmentedResponseAccepted = (first & 0x02) != 0;
        if (end - p < (a.segmented ? 5 : 3)) {
          return a.fail("a confirmed request cut off in its header");
        }
        a.maxSegments = (b[p] >> 4) & 0x07;
        a.maxApdu = b[p] & 0x0f;
        a.invokeId = b[p + 1] & 0xff;
        p += 2;
        if (a.segmented) {
          a.sequence = b[p++] & 0xff;
          a.window = b[p++] & 0xff;
        }
        a.service = b[p++] & 0xff;
      }
      case UNCONFIRMED_REQUEST -> {
        if (end - p < 1) {
          return a.fail("an unconfirmed request without its service choice");
        }
        a.service = b[p++] & 0xff;
      }
      case SIMPLE_ACK, ERROR -> {
        if (end - p < 2) {
          return a.fail("a " + (a.type == ERROR ? "BACnet-Error" : "SimpleACK") + " cut off in its header");
        }
        a.invokeId = b[p] & 0xff;
        a.service = b[p + 1] & 0xff;
        p += 2;
      }
      case COMPLEX_ACK -> {
        if (end - p < (a.segmented ? 4 : 2)) {
          return a.fail("a ComplexACK cut off in its header");
        }
        a.invokeId = b[p++] & 0xff;
        if (a.segmented) {
          a.sequence = b[p++] & 0xff;
          a.window = b[p++] & 0xff;
        }
        a.service = b[p++] & 0xff;
      }
      case SEGMENT_ACK -> {
        a.nak = (first & 0x02) != 0;
        a.server = (first & 0x01) != 0;
        if (end - p < 3) {
          return a.fail("a SegmentACK cut off in its header");
        }
        a.invokeId = b[p] & 0xff;
        a.sequence = b[p + 1] & 0xff;
        a.window = b[p + 2] & 0xff;
        p += 3;
      }
      case REJECT, ABORT -> {
        a.server = (first & 0x01) != 0;
        if (end - p < 2) {
          return a.fail("a " + (a.type == REJECT ? "Reject" : "Abort") + " cut off in its header");
        }
        a.invokeId = b[p] & 0xff;
        a.reason = b[p + 1] & 0xff;
        p += 2;
      }
      default -> {
        return a.fail("APDU type " + a.type + " is not defined");
      }
    }
    a.params = p;
    return a;
  }

  boolean confirmedService() {
    return type == CONFIRMED_REQUEST || type == SIMPLE_ACK || type == COMPLEX_ACK || type == ERROR;
  }

  /** Whether ICSNPP's parser accepts the service choice (it rejects the APDU otherwise). */
  boolean zeekAcceptsService() {
    if (type == UNCONFIRMED_REQUEST) {
      return service <= UNCONFIRMED_SERVICE_MAX;
    }
    return !confirmedService() || service <= CONFIRMED_SERVICE_MAX;
  }

  private Apdu fail(String why) {
    problem = why;
    return this;
  }
}
