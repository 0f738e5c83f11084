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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ICSNPP's own test captures through the real capture reader and both decoder services, compared
 * row by row with the logs Zeek with ICSNPP wrote for them (its btest baselines).
 */
class EnipCaptureTest {

  static OfflineReplay.Result replay(String capture) throws IOException {
    try (InputStream in = EnipCaptureTest.class.getResourceAsStream("/" + capture)) {
      ProtocolDecoder tcp = new EnipTcpDecoder(Set.of(44818));
      ProtocolDecoder udp = new EnipUdpDecoder(Set.of(44818, 2222));
      return OfflineReplay.run(in, capture, tcp, udp);
    }
  }

  private static List<String> columns(String log) {
    return switch (log) {
      case "enip" -> IcsnppLogs.ENIP;
      case "cip" -> IcsnppLogs.CIP;
      case "cip_io" -> IcsnppLogs.CIP_IO;
      default -> IcsnppLogs.CIP_IDENTITY;
    };
  }

  @ParameterizedTest(name = "{0} {1}.log")
  @CsvSource({
      "enip_cip_example.pcap, enip, 269",
      "enip_cip_example.pcap, cip, 1158",
      "enip_cip_example.pcap, cip_io, 398",
      "enip_cip_example.pcap, cip_identity, 1",
      "multiple_service_packet_cip.pcapng, enip, 1",
      "multiple_service_packet_cip.pcapng, cip, 12",
      "set_attribute_single_service_cip.pcapng, enip, 1",
      "set_attribute_single_service_cip.pcapng, cip, 1"})
  void logAgreesWithIcsnpp(String capture, String log, int rows) throws IOException {
    OfflineReplay.Result r = replay(capture);
    String baseline = "/" + capture.substring(0, capture.indexOf('.')) + ".zeek/" + log + ".log";
    List<Map<String, String>> zeek;
    try (InputStream in = EnipCaptureTest.class.getResourceAsStream(baseline)) {
      zeek = ZeekBaseline.read(in, columns(log));
    }
    List<LoggedRow> ours = r.log(log);
    ZeekBaseline.Agreement a = ZeekBaseline.compare(capture + " " + log, ours, zeek, Set.of("packet_correlation_id"));
    assertEquals(rows, a.zeekRows());
    assertTrue(a.ratio() >= 0.995, a.toString());
    assertEquals(Map.of(), r.weirds(), r.weirdDetails().toString());
    assertTrue(r.events().stream().noneMatch(e -> e.isMalformed()));
  }
}
