package io.isthmus.model.sequence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.ModelState;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several pipeline threads, each with its own devices, sharing the protocol chain and the name table; exports meanwhile. */
class ConcurrencyTest {

  @Test
  void threadsWithTheirOwnDevicesShareTheProtocolChainAndExportsDoNotFail() throws Exception {
    SequenceModel model = Configs.model();
    int threads = 4;
    int perThread = 20_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    List<Future<?>> work = new ArrayList<>();
    for (int th = 0; th < threads; th++) {
      String device = "10.0.1." + th;
      work.add(pool.submit(() -> {
        for (int i = 0; i < perThread; i++) {
          model.observe(Events.request(i * 1_000L, "10.0.0.1", device, "modbus", "OP_" + (i % 7)), f -> {});
        }
      }));
    }
    List<ModelState> states = new ArrayList<>();
    work.add(pool.submit(() -> {
      for (int i = 0; i < 20; i++) {
        states.add(model.exportState());
      }
    }));
    for (Future<?> f : work) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(20, states.size());
    long perDevice = model.chainOf("10.0.1.0").learned();
    assertEquals(perThread, perDevice);
    SequenceModel restored = Configs.model();
    restored.importState(model.exportState());
    assertEquals(perThread, restored.chainOf("10.0.1.3").learned());
    assertTrue(model.isLearning());
  }
}
