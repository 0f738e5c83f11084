package io.isthmus.protocol.bacnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.capture.internal.LoggedRow;
import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.capture.zeek.ZeekBaseline;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decoder on ICSNPP's own BACnet captures, through the real capture reader, compared row by
 * row with the logs Zeek and icsnpp-bacnet wrote for the same files (ts and uid aside).
 */
class BacnetCaptureTest {
  /** Agreement each log must reach with Zeek's. */
  private static final double REQUIRED = 0.995;
  private static final Pattern TIMESTAMP_LIKE = Pattern.compile("(0\\.000000)|([0-9]{9,10}\\.[0-9]{2,8})");
  private static final String MASK = "XXXXXXXXXX.XXXXXX";

  static OfflineReplay.Result replay(String capture) throws IOException {
    try (InputStream in = BacnetCaptureTest.class.getResourceAsStream("/" + capture + ".pcap")) {
      return OfflineReplay.run(in, capture, new BacnetDecoder(Set.of(47808)));
    }
  }

  /**
   * Our rows as ICSNPP's btest canonifier (testing/scripts/diff-remove-timestamps) leaves its
   * baselines: whatever looks like a timestamp, "0.000000" included, is masked, so a value such
   * as "50.000000" reads "5XXXXXXXXXX.XXXXXX" there.
   */
  static List<LoggedRow> canonified(List<LoggedRow> rows) {
    return rows.stream().map(r -> {
      Map<String, Object> row = new LinkedHashMap<>();
      r.row().forEach((k, v) -> row.put(k, v instanceof String s ? TIMESTAMP_LIKE.matcher(s).replaceAll(MASK) : v));
      return new LoggedRow(r.path(), r.timeMicros(), r.conversation(), row);
    }).toList();
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
    ZeekBaseline.Agreement a = ZeekBaseline.compare(log, canonified(r.log(log)), zeek, Set.of());
    assertTrue(zeek.size() > 0, "the baseline has rows");
    assertTrue(a.ratio() >= REQUIRED, capture + ": " + a);
  }
}
