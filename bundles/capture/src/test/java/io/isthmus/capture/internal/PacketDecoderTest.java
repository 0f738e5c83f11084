package io.isthmus.capture.internal;

import static io.isthmus.capture.internal.Frames.concat;
import static io.isthmus.capture.internal.Frames.ethernet;
import static io.isthmus.capture.internal.Frames.ipv4;
import static io.isthmus.capture.internal.Frames.ipv4Fragment;
import static io.isthmus.capture.internal.Frames.ipv6;
import static io.isthmus.capture.internal.Frames.tcp;
import static io.isthmus.capture.internal.Frames.udp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {
  private final Weirds weirds = Weirds.silent();
  private final PacketDecoder decoder =
      new PacketDecoder(weirds, new FragmentReassembler(weirds, 16, 1 << 20, 30_000_000L));
  private final Packet p = new Packet();

  private boolean decode(int linkType, byte[] bytes) {
    return decode(linkType, bytes, bytes.length, 0);
  }

  private boolean decode(int linkType, byte[] bytes, int captured, long time) {
    Frame f = new Frame();
    f.set(time, linkType, bytes, 0, captured, bytes.length);
    return decoder.decode(f, p);
  }

  private String payload() {
    return new String(p.payload, p.payloadOffset, p.payloadLength, StandardCharsets.ISO_8859_1);
  }

  private static byte[] text(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void ethernetIpv4Tcp() {
    byte[] frame = ethernet(ipv4("192.0.2.1", "192.0.2.2", 6, tcp(40000, 502, 7, 9, Packet.ACK, text("abc"))));
    assertTrue(decode(LinkLayer.ETHERNET, frame));
    assertEquals("192.0.2.1", InetText.address(p.source, p.addressLength));
    assertEquals("192.0.2.2", InetText.address(p.destination, p.addressLength));
    assertEquals(40000, p.sourcePort);
    assertEquals(502, p.destinationPort);
    assertEquals(7, p.seq);
    assertEquals(9, p.ack);
    assertTrue(p.has(Packet.ACK));
    assertEquals("abc", payload());
    assertEquals("02:00:00:00:00:01", InetText.mac(p.sourceMac));
    assertEquals("02:00:00:00:00:02", InetText.mac(p.destinationMac));
  }

  @Test
  void ethernetPaddingBeyondTheIpLengthIsNotPayload() {
    byte[] frame = concat(ethernet(ipv4("192.0.2.1", "192.0.2.2", 6, tcp(1, 2, 0, 0, 0, text("ab")))), text("PADPAD"));
    assertTrue(decode(LinkLayer.ETHERNET, frame));
    assertEquals("ab", payload());
    assertEquals(0, p.missing);
  }

  @Test
  void vlanAndQinQTagsAreSkipped() {
    byte[] ip = ipv4("10.1.1.1", "10.1.1.2", 17, udp(5000, 47808, text("q")));
    assertTrue(decode(LinkLayer.ETHERNET, ethernet(1, 2, 0x0800, ip, 100)));
    assertEquals("q", payload());
    assertTrue(decode(LinkLayer.ETHERNET, ethernet(1, 2, 0x0800, ip, 100, 200)));
    assertEquals("q", payload());
    assertEquals(47808, p.destinationPort);
  }

  @Test
  void linuxCookedCaptures() {
    byte[] ip = ipv4("10.1.1.1", "10.1.1.2", 6, tcp(1, 502, 0, 0, 0, text("sll")));
    assertTrue(decode(LinkLayer.LINUX_SLL, Frames.sll(0x0800, 0x0a0b_0c0d_0e0fL, ip)));
    assertEquals("sll", payload());
    assertEquals("0a:0b:0c:0d:0e:0f", InetText.mac(p.sourceMac));
    assertEquals(-1, p.destinationMac);
    assertTrue(decode(LinkLayer.LINUX_SLL2, Frames.sll2(0x0800, 0x0a0b_0c0d_0e0fL, ip)));
    assertEquals("sll", payload());
    assertEquals("0a:0b:0c:0d:0e:0f", InetText.mac(p.sourceMac));
  }

  @Test
  void loopbackAndRawIp() {
    byte[] v4 = ipv4("127.0.0.1", "127.0.0.1", 17, udp(1, 2, text("lo")));
    byte[] v6 = ipv6("::1", "::1", 17, udp(1, 2, text("six")));
    assertTrue(decode(LinkLayer.NULL, concat(new byte[] {2, 0, 0, 0}, v4)));
    assertEquals("lo", payload());
    assertTrue(decode(LinkLayer.LOOP, concat(new byte[] {0, 0, 0, 30}, v6)));
    assertEquals("six", payload());
    assertTrue(decode(LinkLayer.RAW, v6));
    assertEquals("::1", InetText.address(p.source, p.addressLength));
    assertTrue(decode(LinkLayer.IPV4, v4));
  }

  @Test
  void ipv6ExtensionHeadersAreSkipped() {
    byte[] transport = tcp(40000, 502, 1, 0, 0, text("ext"));
    byte[] chain = concat(Frames.extension(60, new byte[0]), Frames.extension(6, new byte[0]), transport);
    assertTrue(decode(LinkLayer.RAW, ipv6("2001:db8::1", "2001:db8::2", 0, chain)));
    assertEquals(Packet.TCP, p.protocol);
    assertEquals("ext", payload());
    assertEquals("2001:db8::1", InetText.address(p.source, p.addressLength));
  }

  @Test
  void ipv4FragmentsAreReassembledInAnyOrder() {
    byte[] datagram = udp(5000, 47808, text("0123456789abcdefghijklmnopqrstuvwxyz"));
    byte[] first = Arrays.copyOfRange(datagram, 0, 16);
    byte[] second = Arrays.copyOfRange(datagram, 16, 32);
    byte[] third = Arrays.copyOfRange(datagram, 32, datagram.length);
    assertFalse(decode(LinkLayer.RAW, ipv4Fragment("10.0.0.1", "10.0.0.2", 17, 77, 32, false, third)));
    assertFalse(decode(LinkLayer.RAW, ipv4Fragment("10.0.0.1", "10.0.0.2", 17, 77, 0, true, first)));
    assertTrue(decode(LinkLayer.RAW, ipv4Fragment("10.0.0.1", "10.0.0.2", 17, 77, 16, true, second)));
    assertEquals("0123456789abcdefghijklmnopqrstuvwxyz", payload());
    assertEquals(0, weirds.total());
  }

  @Test
  void overlappingFragmentsKeepTheFirstBytesAndAreReported() {
    byte[] datagram = udp(1, 2, text("AAAAAAAABBBBBBBBCCCCCCCC"));
    assertFalse(decode(LinkLayer.RAW, ipv4Fragment("10.0.0.1", "10.0.0.2", 17, 5, 0, true,
        Arrays.copyOfRange(datagram, 0, 16))));
    byte[] forged = Arrays.copyOfRange(datagram, 8, 32);
    forged[0] = 'X';
    assertTrue(decode(LinkLayer.RAW, ipv4Fragment("10.0.0.1", "10.0.0.2", 17, 5, 8, false, forged)));
    assertEquals("AAAAAAAABBBBBBBBCCCCCCCC", payload());
    assertEquals(1, weirds.count("fragment_overlap"));
  }

  @Test
  void incompleteDatagramsTimeOutAndTheTableIsBounded() {
    for (int id = 0; id < 20; id++) {
      decode(LinkLayer.RAW, ipv4Fragment("10.0.0.1", "10.0.0.2", 17, id, 0, true, new byte[16]), 36, id);
    }
    assertEquals(4, weirds.count("fragment_table_full"));
    byte[] later = ipv4Fragment("10.0.0.1", "10.0.0.2", 17, 99, 0, true, new byte[16]);
    decode(LinkLayer.RAW, later, later.length, 60_000_000L);
    assertEquals(16, weirds.count("fragment_timeout"));
  }

  @Test
  void ipv6FragmentsAreReassembled() {
    byte[] datagram = udp(1, 2, text("fragmented over IPv6 in two"));
    byte[] a = Frames.ipv6FragmentHeader(17, 0, true, 9, Arrays.copyOfRange(datagram, 0, 16));
    byte[] b = Frames.ipv6FragmentHeader(17, 16, false, 9, Arrays.copyOfRange(datagram, 16, datagram.length));
    assertFalse(decode(LinkLayer.RAW, ipv6("2001:db8::1", "2001:db8::2", 44, a)));
    assertTrue(decode(LinkLayer.RAW, ipv6("2001:db8::1", "2001:db8::2", 44, b)));
    assertEquals("fragmented over IPv6 in two", payload());
  }

  @Test
  void aPacketCutBySnapLengthCountsTheMissingBytes() {
    byte[] frame = ethernet(ipv4("10.0.0.1", "10.0.0.2", 6, tcp(1, 2, 0, 0, 0, text("0123456789"))));
    assertTrue(decode(LinkLayer.ETHERNET, frame, frame.length - 4, 0));
    assertEquals("012345", payload());
    assertEquals(4, p.missing);
    assertEquals(1, weirds.count("ip_truncated"));
  }

  @Test
  void aZeroIpLengthFromSegmentationOffloadMeansTheCapturedLength() {
    byte[] ip = ipv4("10.0.0.1", "10.0.0.2", 6, tcp(1, 2, 0, 0, 0, text("tso")));
    ip[2] = 0;
    ip[3] = 0;
    assertTrue(decode(LinkLayer.RAW, ip));
    assertEquals("tso", payload());
  }

  @Test
  void absurdLengthsAreWeirdsNotCrashes() {
    byte[] ip = ipv4("10.0.0.1", "10.0.0.2", 6, tcp(1, 2, 0, 0, 0, text("x")));
    byte[] badHeader = ip.clone();
    badHeader[0] = 0x4f;
    assertFalse(decode(LinkLayer.RAW, badHeader));
    byte[] badTcp = ip.clone();
    badTcp[20 + 12] = (byte) 0xf0;
    assertFalse(decode(LinkLayer.RAW, badTcp));
    byte[] badUdp = ipv4("10.0.0.1", "10.0.0.2", 17, udp(1, 2, text("x")));
    ByteBuffer.wrap(badUdp).putShort(24, (short) 4000);
    assertFalse(decode(LinkLayer.RAW, badUdp));
    assertEquals(1, weirds.count("ip_bad_header"));
    assertEquals(1, weirds.count("tcp_bad_header"));
    assertEquals(1, weirds.count("udp_bad_length"));
  }

  @Test
  void unsupportedLinkTypesAreReportedOnce() {
    assertFalse(decode(147, new byte[40]));
    assertFalse(decode(147, new byte[40]));
    assertEquals(1, weirds.count("unsupported_link_type"));
  }

  @Test
  void randomBytesNeverThrow() {
    SplittableRandom random = new SplittableRandom(7);
    int[] linkTypes = {LinkLayer.ETHERNET, LinkLayer.LINUX_SLL, LinkLayer.LINUX_SLL2, LinkLayer.RAW, LinkLayer.NULL};
    byte[] valid = ethernet(ipv4("10.0.0.1", "10.0.0.2", 6, tcp(1, 2, 0, 0, 0, text("payload"))));
    for (int i = 0; i < 20_000; i++) {
      byte[] bytes;
      if (i % 2 == 0) {
        bytes = new byte[random.nextInt(120)];
        random.nextBytes(bytes);
      } else {
        bytes = valid.clone();
        for (int k = random.nextInt(1, 6); k > 0; k--) {
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
        }
      }
      decode(linkTypes[i % linkTypes.length], bytes, random.nextInt(bytes.length + 1), i);
    }
  }
}
