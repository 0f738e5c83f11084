package io.isthmus.model.iforest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.decode.ProtocolDecoder;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.event.TelemetryEvent;
import io.isthmus.capture.internal.OfflineReplay;
import io.isthmus.protocol.modbus.internal.ModbusConfig;
import io.isthmus.protocol.modbus.internal.ModbusDecoder;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** False alarms on real polling traffic: learn the first half of the capture, analyse the second. */
class ModbusPollingCaptureTest {

  static List<TelemetryEvent> replay(String capture) throws Exception {
    try (InputStream in = ModbusPollingCaptureTest.class.getResourceAsStream("/" + capture)) {
      assertNotNull(in, capture);
      return OfflineReplay.run(in, capture, modbusDecoder()).events();
    }
  }

  /** The decoder as SCR would create it without configuration: every setting at its default. */
  static ProtocolDecoder modbusDecoder() {
    ModbusConfig defaults = (ModbusConfig) Proxy.newProxyInstance(ModbusConfig.class.getClassLoader(),
        new Class<?>[] {ModbusConfig.class}, (proxy, method, args) -> switch (method.getName()) {
          case "annotationType" -> ModbusConfig.class;
          case "hashCode" -> System.identityHashCode(proxy);
          case "equals" -> proxy == args[0];
          case "toString" -> "ModbusConfig defaults";
          default -> method.getDefaultValue();
        });
    return new ModbusDecoder(defaults);
  }

  @Test
  void secondHalfOfNormalPollingRaisesAtMostOneFindingPerTenThousandEvents() throws Exception {
    List<TelemetryEvent> events = replay("modbus_polling_ModbusTCP.pcap");
    assertTrue(events.size() > 10_000, "events " + events.size());
    int half = events.size() / 2;
    IsolationForestModel model = new IsolationForestModel("1.0.0", Settings.defaults());
    try {
      List<Finding> findings = new ArrayList<>();
      for (TelemetryEvent e : events.subList(0, half)) {
        model.observe(e, findings::add);
      }
      assertTrue(findings.isEmpty(), "no findings while learning");
      model.endLearning();
      model.awaitTraining();
      assertNotNull(model.pooledBaseline(), "the first half holds enough windows to train");
      for (TelemetryEvent e : events.subList(half, events.size())) {
        model.observe(e, findings::add);
      }
      int analysed = events.size() - half;
      double per10k = findings.size() * 10_000.0 / analysed;
      System.out.printf(Locale.ROOT, "isolation-forest on modbus_polling_ModbusTCP.pcap: learned %d events (%d windows, "
              + "threshold %.3f), analysed %d events: %d findings = %.2f per 10,000 events%n",
          half, model.pooledBaseline().windows, model.pooledBaseline().threshold, analysed, findings.size(), per10k);
      findings.forEach(f -> System.out.println("  " + f.device().ip() + " " + f.score() + " " + f.indicators()));
      assertTrue(per10k <= 1.0, findings::toString);
      assertFalse(model.isLearning());
    } finally {
      model.deactivate();
    }
  }

  @Test
  void aForeignHostWritingCoilsAmidTheRealPollingIsReported() throws Exception {
    List<TelemetryEvent> events = replay("modbus_polling_ModbusTCP.pcap");
    int half = events.size() / 2;
    List<TelemetryEvent> second = events.subList(half, events.size());
    long t = second.get(second.size() / 2).timeMicros();
    List<TelemetryEvent> attack = new SyntheticTraffic(9).writeBurst("141.81.0.99", "141.81.0.24", t, 8, 4,
        "WRITE_SINGLE_COIL");
    IsolationForestModel model = new IsolationForestModel("1.0.0", Settings.defaults());
    try {
      List<Finding> findings = new ArrayList<>();
      events.subList(0, half).forEach(e -> model.observe(e, findings::add));
      model.endLearning();
      model.awaitTraining();
      SyntheticTraffic.merge(second, attack).forEach(e -> model.observe(e, findings::add));
      assertEquals(1, findings.size(), findings::toString);
      Finding f = findings.get(0);
      assertEquals("141.81.0.24", f.device().ip());
      assertEquals("141.81.0.99", f.peer().ip());
      assertTrue(f.indicators().contains("new_peer_host:141.81.0.99"), f.indicators()::toString);
      assertEquals("T0855", f.techniques().get(0).id());
      System.out.println("injected coil writes: score " + f.score() + " " + f.indicators() + "\n  " + f.explanation());
    } finally {
      model.deactivate();
    }
  }
}
