package io.isthmus.protocol.dnp3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.capture.zeek.ZeekBaseline;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Zeek's own DNP3 test traces (TCP and UDP: reads, writes, select/operate, file transfer,
 * unsolicited reporting, restarts, time functions) against the {@code dnp3.log} Zeek writes for
 * each. The logs are small, so every row must agree.
 */
class Dnp3ZeekTracesTest {

  @ParameterizedTest
  @ValueSource(strings = {"dnp3_udp_en_spon", "dnp3_udp_read", "dnp3_udp_select_operate", "dnp3_udp_write",
      "dnp3_del_measure", "dnp3_en_spon", "dnp3_file_del", "dnp3_file_read", "dnp3_file_write", "dnp3_read",
      "dnp3_rec_time", "dnp3_select_operate", "dnp3_write", "dnp3_events"})
  void dnp3LogAgreesWithZeek(String trace) {
    OfflineReplay.Result r = Replays.replay("zeek/" + trace + ".pcap");
    List<Map<String, String>> zeek = Replays.zeekLog("zeek/" + trace + ".dnp3.log");
    ZeekBaseline.Agreement agreement = ZeekBaseline.compare(trace + "/dnp3", r.log("dnp3"), zeek, Set.of());
    System.out.println(trace + " weirds: " + r.weirdDetails());
    assertFalse(zeek.isEmpty());
    assertEquals(zeek.size(), agreement.matched(), agreement.toString());
    assertEquals(zeek.size(), r.log("dnp3").size(), agreement.toString());
  }
}
