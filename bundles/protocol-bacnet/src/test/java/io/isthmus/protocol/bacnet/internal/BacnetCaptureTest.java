package io.isthmus.protocol.bacnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The decoder on ICSNPP's own BACnet captures, through the real capture reader, compared row by
 * row with the logs Zeek and icsnpp-bacnet wrote for the same files (ts and uid aside).
 */
class BacnetCaptureTest {
  /** Agreement each log must reach with Zeek's. */
  private static final double REQUIRED = 0.995;

  static OfflineReplay.Result replay(String capture) throws IOException {
    try (InputStream in = BacnetCaptureTest.class.getResourceAsStream("/" + capture + ".pcap")) {
      return OfflineReplay.run(in, capture, new BacnetDecoder(Set.of(47808)));
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "bacnet_example, bacnet",
      "bacnet_example, bacnet_discovery",
      "bacnet_example, bacnet_property",
      "bacnet_services, bacnet",
      "bacnet_services, bacnet_discovery",
      "bacnet_services, bacnet_property",
      "bacnet_services, bacnet_device_control",
      "bacnet_segmented_data, bacnet",
      "bacnet_segmented_data, bacnet_discovery",
      "bacnet_segmented_data, bacnet_property",
      "bacnet_error_reject_abort, bacnet",
      "bacnet_error_reject_abort, bacnet_discovery",
      "bacnet_error_reject_abort, bacnet_property",
  })
  void rowsAgreeWithIcsnpp(String capture, String log) throws IOException {
    OfflineReplay.Result r = replay(capture);
    List<Map<String, String>> zeek;
    try (InputStream in = BacnetCaptureTest.class.getResourceAsStream("/" + capture + ".zeek/" + log + ".log")) {
      zeek = ZeekBaseline.read(in, List.of());
    }
    ZeekBaseline.Agreement a = ZeekBaseline.compare(log, r.log(log), zeek, Set.of());
    assertTrue(zeek.size() > 0, "the baseline has rows");
    assertTrue(a.ratio() >= REQUIRED, capture + ": " + a);
  }
}
