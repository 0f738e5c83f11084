package io.isthmus.protocol.enip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.capture.internal.LoggedRow;
import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.capture.zeek.ZeekBaseline;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ICSNPP's own test capture through the real capture reader and both decoder services, compared
 * row by row with the logs Zeek with ICSNPP wrote for it.
 */
class EnipCaptureTest {
  private static OfflineReplay.Result example;

  static OfflineReplay.Result replay(String capture) throws IOException {
    try (InputStream in = EnipCaptureTest.class.getResourceAsStream("/" + capture)) {
      ProtocolDecoder tcp = new EnipTcpDecoder(Set.of(44818));
      ProtocolDecoder udp = new EnipUdpDecoder(Set.of(44818, 2222));
      return OfflineReplay.run(in, capture, tcp, udp);
    }
  }

  @BeforeAll
  static void decodeExample() throws IOException {
    example = replay("enip_cip_example.pcap");
  }

  private static ZeekBaseline.Agreement compare(String log, List<String> columns) throws IOException {
    List<Map<String, String>> zeek;
    try (InputStream in = EnipCaptureTest.class.getResourceAsStream("/enip_cip_example.zeek/" + log + ".log")) {
      zeek = ZeekBaseline.read(in, columns);
    }
    List<LoggedRow> ours = example.log(log);
    return ZeekBaseline.compare(log, ours, zeek, Set.of("packet_correlation_id"));
  }

  @Test
  void enipLogAgrees() throws IOException {
    ZeekBaseline.Agreement a = compare("enip", IcsnppLogs.ENIP);
    assertEquals(269, a.zeekRows());
    assertTrue(a.ratio() >= 0.995, a.toString());
  }

  @Test
  void cipLogAgrees() throws IOException {
    ZeekBaseline.Agreement a = compare("cip", IcsnppLogs.CIP);
    assertEquals(1158, a.zeekRows());
    assertTrue(a.ratio() >= 0.995, a.toString());
  }

  @Test
  void cipIoLogAgrees() throws IOException {
    ZeekBaseline.Agreement a = compare("cip_io", IcsnppLogs.CIP_IO);
    assertEquals(398, a.zeekRows());
    assertTrue(a.ratio() >= 0.995, a.toString());
  }

  @Test
  void cipIdentityLogAgrees() throws IOException {
    ZeekBaseline.Agreement a = compare("cip_identity", IcsnppLogs.CIP_IDENTITY);
    assertEquals(1, a.zeekRows());
    assertEquals(1.0, a.ratio(), a.toString());
  }

  @Test
  void exampleDecodesWithoutWeirds() {
    System.out.println("weirds: " + example.weirdDetails());
    assertEquals(Map.of(), example.weirds());
    assertTrue(example.events().stream().noneMatch(e -> e.isMalformed()));
  }
}
