package io.isthmus.protocol.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.capture.internal.LoggedRow;
import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.capture.zeek.ZeekBaseline;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Our Zeek rows for public captures, compared with the logs Zeek itself (and Zeek with
 * icsnpp-modbus) wrote for the same files: row for row, over every column but ts, uid and the
 * link ids (which are made up on both sides).
 */
class ModbusCaptureTest {
  private static final double REQUIRED = 0.995;
  private static final Set<String> LINK_ID = Set.of("modbus_detailed_link_id");

  static OfflineReplay.Result replay(String capture) throws IOException {
    try (InputStream in = ModbusCaptureTest.class.getResourceAsStream("/" + capture)) {
      return OfflineReplay.run(in, capture, new ModbusDecoder(Set.of(502)));
    }
  }

  private static List<Map<String, String>> zeekLog(String resource, List<String> columnsIfNoHeader) throws IOException {
    try (InputStream in = ModbusCaptureTest.class.getResourceAsStream("/" + resource)) {
      return ZeekBaseline.read(in, columnsIfNoHeader);
    }
  }

  private static ZeekBaseline.Agreement compare(String path, List<LoggedRow> ours, String baseline) throws IOException {
    List<Map<String, String>> zeek = zeekLog(baseline, List.of());
    assertTrue(!zeek.isEmpty(), baseline + " has rows");
    ZeekBaseline.Agreement a = ZeekBaseline.compare(path, ours, zeek, LINK_ID);
    assertTrue(a.ratio() >= REQUIRED, a.toString());
    return a;
  }

  @ParameterizedTest
  @ValueSource(strings = {"modbus_detailed", "modbus_mask_write_register", "modbus_read_write_multiple_registers"})
  void icsnppLogsOfModbusExampleAgree(String path) throws IOException {
    OfflineReplay.Result r = replay("modbus_example.pcap");
    compare(path, r.log(path), "modbus_example.zeek/" + path + ".log");
  }

  /**
   * ICSNPP's test script keeps only the response rows of Zeek's modbus.log ({@code grep -v REQ})
   * and cuts tid, unit and pdu_type ({@code zeek-cut -n}), which also drops the header: we compare
   * our response rows over the columns it keeps. Zeek's own traces below check the full log.
   */
  @Test
  void zeeksModbusLogOfModbusExampleAgreesOnWhatIcsnppsBaselineKeeps() throws IOException {
    OfflineReplay.Result r = replay("modbus_example.pcap");
    List<LoggedRow> responses = r.log(ZeekModbusLog.PATH).stream()
        .filter(row -> !"REQ".equals(row.row().get("pdu_type"))).toList();
    List<Map<String, String>> zeek = zeekLog("modbus_example.zeek/modbus.log",
        List.of("ts", "uid", "id.orig_h", "id.orig_p", "id.resp_h", "id.resp_p", "func", "exception"));
    ZeekBaseline.Agreement a = ZeekBaseline.compare(ZeekModbusLog.PATH, responses, zeek, Set.of());
    assertEquals(24, zeek.size());
    assertTrue(a.ratio() >= REQUIRED, a.toString());
    assertEquals(48, r.log(ZeekModbusLog.PATH).size(), "requests are logged too");
  }

  /** Zeek's own Modbus test traces (fuzzed register counts, non-Modbus traffic on port 502). */
  @ParameterizedTest
  @ValueSource(strings = {"fuzz-1011", "modbus-and-non-modbus-p502"})
  void zeeksModbusLogOfZeeksTestTracesAgrees(String trace) throws IOException {
    OfflineReplay.Result r = replay("zeek/" + trace + ".pcap");
    compare(ZeekModbusLog.PATH, r.log(ZeekModbusLog.PATH), "zeek/" + trace + ".modbus.log");
  }

  /**
   * Zeek's fuzz-72 trace fuzzes TCP sequence numbers as well as PDUs: which bytes reach a decoder
   * (and where gaps fall) is then the TCP reassembler's choice, and ours (the capture bundle)
   * chooses differently from Zeek's for frames 2, 14 and 24-33. Here we only require that what is
   * delivered decodes like Zeek, function names of unassigned and exception codes included: at
   * least half of Zeek's rows, and never a thrown exception.
   */
  @Test
  void zeeksFuzzedTraceDecodesWithoutEscapes() throws IOException {
    OfflineReplay.Result r = replay("zeek/fuzz-72.pcap");
    List<Map<String, String>> zeek = zeekLog("zeek/fuzz-72.modbus.log", List.of());
    ZeekBaseline.Agreement a = ZeekBaseline.compare(ZeekModbusLog.PATH, r.log(ZeekModbusLog.PATH), zeek, Set.of());
    assertTrue(2 * a.matched() >= a.zeekRows(), a.toString());
    assertTrue(r.weirds().containsKey("modbus_bad_length"), r.weirds().toString());
  }

  /** The Read Device Identification answer in ICSNPP's example, as tshark 4.0 dissects it. */
  @Test
  void deviceIdentificationBecomesAssetFields() throws IOException {
    OfflineReplay.Result r = replay("modbus_example.pcap");
    Map<String, Object> f = r.events().stream()
        .filter(e -> e.direction() == io.isthmus.api.event.Direction.RESPONSE && e.fields().containsKey("objects"))
        .findFirst().orElseThrow().fields();
    // tshark -Y "modbus.func_code==43 && tcp.srcport==502" -e modbus.conformity_level -e modbus.more_follows
    //   -e modbus.object_id -e modbus.object_str_value: 0x83, 0x00, 0,1,2, Zeek Modbus Test,Protocol Parsing is fun!,1.2.3.6
    assertEquals("Zeek Modbus Test", f.get("vendor"));
    assertEquals("Protocol Parsing is fun!", f.get("product_code"));
    assertEquals("1.2.3.6", f.get("revision"));
    assertEquals("0x83", f.get("conformity_level_code"));
    assertEquals(false, f.get("more_follows"));
    assertEquals(3, f.get("number_of_objects"));
    List<LoggedRow> rows = r.log(IcsnppSideLogs.DEVICE_ID);
    assertEquals(List.of("Zeek Modbus Test", "Protocol Parsing is fun!", "1.2.3.6"), rows.stream()
        .filter(row -> "RESPONSE".equals(row.row().get("request_response")))
        .map(row -> row.row().get("object_value")).toList());
  }
}
