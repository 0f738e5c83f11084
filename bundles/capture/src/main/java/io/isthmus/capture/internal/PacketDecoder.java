package io.isthmus.capture.internal;

/**
 * Frame to TCP segment or UDP datagram: link layer, IP (with fragment reassembly), then the
 * transport header. Frames that carry neither are counted, damaged ones reported as weirds.
 */
final class PacketDecoder {
  private final Weirds weirds;
  private final LinkLayer link;
  private final IpLayer ip;
  private long notIp;
  private long otherTransport;

  PacketDecoder(Weirds weirds, FragmentReassembler fragments) {
    this.weirds = weirds;
    this.link = new LinkLayer(weirds);
    this.ip = new IpLayer(weirds, fragments);
  }

  /** Decodes {@code f} into {@code p}; true if {@code p} now holds a TCP segment or UDP datagram. */
  boolean decode(Frame f, Packet p) {
    p.timeMicros = f.timeMicros;
    if (!link.locate(f, p)) {
      if (link.etherType != LinkLayer.ETHERTYPE_IPV4 && link.etherType != LinkLayer.ETHERTYPE_IPV6) {
        notIp++;
      }
      return false;
    }
    if (!ip.decode(f, link.networkOffset, link.etherType, p)) {
      return false;
    }
    return switch (p.protocol) {
      case Packet.TCP -> tcp(f, p);
      case Packet.UDP -> udp(f, p);
      default -> {
        otherTransport++;
        yield false;
      }
    };
  }

  private boolean tcp(Frame f, Packet p) {
    byte[] b = ip.transport;
    int o = ip.transportOffset;
    int length = ip.transportEnd - o;
    if (length < 20) {
      return bad(f, "tcp_bad_header", "a TCP header cut at " + length + " bytes");
    }
    int headerLength = (Bytes.u8(b, o + 12) >> 4) * 4;
    if (headerLength < 20 || headerLength > length) {
      return bad(f, "tcp_bad_header", "a TCP header of " + headerLength + " bytes in a segment of " + length);
    }
    p.sourcePort = Bytes.u16(b, o);
    p.destinationPort = Bytes.u16(b, o + 2);
    p.seq = Bytes.i32(b, o + 4);
    p.ack = Bytes.i32(b, o + 8);
    p.flags = Bytes.u8(b, o + 13);
    return payload(p, b, o + headerLength, ip.transportEnd);
  }

  private boolean udp(Frame f, Packet p) {
    byte[] b = ip.transport;
    int o = ip.transportOffset;
    int length = ip.transportEnd - o;
    if (length < 8) {
      return bad(f, "udp_bad_header", "a UDP header cut at " + length + " bytes");
    }
    int declared = Bytes.u16(b, o + 4);
    if (declared < 8 || declared > length + p.missing) {
      return bad(f, "udp_bad_length", "a UDP length of " + declared + " in " + (length + p.missing)
          + " bytes of IP payload");
    }
    p.sourcePort = Bytes.u16(b, o);
    p.destinationPort = Bytes.u16(b, o + 2);
    p.flags = 0;
    p.missing = Math.max(0, declared - length);
    return payload(p, b, o + 8, o + Math.min(declared, length));
  }

  private static boolean payload(Packet p, byte[] b, int from, int to) {
    p.payload = b;
    p.payloadOffset = from;
    p.payloadLength = to - from;
    return true;
  }

  private boolean bad(Frame f, String name, String detail) {
    weirds.report(f.timeMicros, name, detail);
    return false;
  }

  /** Frames that carried no IP (ARP, LLDP, spanning tree, ...). */
  long notIp() {
    return notIp;
  }

  /** IP packets of other transports (ICMP, ESP, SCTP, ...). */
  long otherTransport() {
    return otherTransport;
  }
}
