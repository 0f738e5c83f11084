package io.isthmus.protocol.dnp3.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Direction;
import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.capture.zeek.ZeekBaseline;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * ICSNPP's example capture against the logs Zeek with ICSNPP wrote for it: Zeek's {@code dnp3}
 * log and ICSNPP's {@code dnp3_control} and {@code dnp3_objects}, row for row.
 */
class Dnp3IcsnppBaselineTest {
  private static OfflineReplay.Result result;

  @BeforeAll
  static void replay() {
    result = Replays.replay("dnp3_example.pcap");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dnp3", "dnp3_control", "dnp3_objects"})
  void logAgreesWithIcsnpp(String path) {
    List<Map<String, String>> zeek = Replays.zeekLog("dnp3_example.zeek/" + path + ".log");
    ZeekBaseline.Agreement agreement = ZeekBaseline.compare(path, result.log(path), zeek, Set.of());
    assertTrue(zeek.size() > 300, "baseline read: " + zeek.size() + " rows");
    assertTrue(agreement.ratio() >= 0.995, agreement.toString());
  }

  @org.junit.jupiter.api.Test
  void oneEventPerFragmentAndNoWeirds() {
    System.out.println("weirds: " + result.weirdDetails());
    assertEquals(Map.of(), result.weirds());
    // Each dnp3.log row is one response or unsolicited response; requests are the rest.
    long responses = result.events().stream().filter(e -> e.direction() != Direction.REQUEST).count();
    assertEquals(Replays.zeekLog("dnp3_example.zeek/dnp3.log").size(), responses);
    assertTrue(result.events().stream().noneMatch(e -> e.isMalformed()));
  }
}
