package io.isthmus.model.baseline.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.event.Direction;
import io.isthmus.api.event.TelemetryEvent;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Heap per device baseline, measured: 100,000 Modbus devices, each polled by one master with
 * three read functions over two register ranges and written by one HMI, requests and
 * responses, learned from 24 events each. Heap is read after full GCs before and after; the
 * figure includes the device map, its keys and every pair.
 */
class MemoryFootprintTest {
  private static final int DEVICES = 100_000;

  @Test
  void aDeviceBaselineTakesAtMostTwoKilobytes() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    BaselineModel model = TestConfig.untilEndLearning();
    for (int round = 0; round < 4; round++) {
      long t = round * 1_000_000L;
      for (int d = 0; d < DEVICES; d++) {
        String ip = "10." + (d >> 16) + "." + ((d >> 8) & 0xff) + "." + (d & 0xff);
        feed(model, t + d, "192.168.0.1", ip, 3, "READ_HOLDING_REGISTERS", 0, 10);
        feed(model, t + d, "192.168.0.1", ip, 4, "READ_INPUT_REGISTERS", 100, 20);
        feed(model, t + d, "192.168.0.1", ip, 1, "READ_COILS", 0, 16);
        feed(model, t + d, "192.168.0.9", ip, 6, "WRITE_SINGLE_REGISTER", 40 + round, 1);
        feed(model, t + d, "192.168.0.1", ip, 3, "READ_HOLDING_REGISTERS", 500, 4);
        feed(model, t + d, "192.168.0.1", ip, 4, "READ_INPUT_REGISTERS", 100, 20);
      }
    }
    model.endLearning();
    long after = usedAfterGc(memory);
    double perDevice = (after - before) / (double) model.devices.size();
    System.out.printf("%d device baselines: %.1f MB heap, %.0f bytes per device (JVM %s)%n",
        model.devices.size(), (after - before) / 1e6, perDevice, System.getProperty("java.version"));
    assertTrue(model.devices.size() == DEVICES);
    assertTrue(perDevice <= 2048, perDevice + " bytes per device");
    assertTrue(model.exportState().data().length > 0); // keeps the model reachable until after the measurement
  }

  private static void feed(BaselineModel model, long t, String client, String device, int fc, String op, int address,
      int quantity) {
    TelemetryEvent request = Events.modbusRequest(t, client, device, fc, op, address, quantity);
    model.observe(request, f -> { });
    model.observe(TelemetryEvent.builder().timeMicros(t + 500).source(request.destination())
        .destination(request.source()).protocol("modbus").operation(op).direction(Direction.RESPONSE)
        .fields(Map.of("func_code", fc, "unit", 255)).payloadSize(9 + 2 * quantity).build(), f -> { });
  }

  private static long usedAfterGc(MemoryMXBean memory) {
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
