package io.isthmus.pipeline.internal;

import static io.isthmus.pipeline.internal.Fixtures.await;
import static io.isthmus.pipeline.internal.Fixtures.awaitScored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.pipeline.internal.LifecycleFixtures.ScriptedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learned state outlives the engine: saved on stop, on removal and periodically; restored on bind. */
class PersistenceTest {
  @TempDir
  Path dir;
  private ScoringEngine engine;

  @AfterEach
  void stop() {
    if (engine != null) {
      Fixtures.stopQuietly(engine);
    }
  }

  private ScoringEngine start(long saveIntervalMillis) {
    engine = Fixtures.engine(2, 1024, 30_000, 100_000);
    engine.persistTo(new StateStore(dir), saveIntervalMillis);
    engine.start();
    return engine;
  }

  private void publish(int events) {
    try (EventChannel channel = engine.openChannel("p", SourceKind.FILE_REPLAY)) {
      for (int i = 0; i < events; i++) {
        channel.publish(Fixtures.event(i % 10, i / 10, i));
      }
    }
  }

  @Test
  void aRestartContinuesFromTheStateSavedAtStop() throws Exception {
    start(0);
    ScriptedModel first = new ScriptedModel("m", "1");
    engine.registry().add(first);
    publish(500);
    awaitScored(engine, 500);
    engine.stop(10_000);

    start(0);
    ScriptedModel again = new ScriptedModel("m", "1");
    engine.registry().add(again);
    assertEquals(500, again.importedCount);
  }

  /** The pipeline restarts, the model instance does not: it already holds what it learned. */
  @Test
  void theSameInstanceIsNotGivenItsOwnStateTwice() throws Exception {
    start(0);
    ScriptedModel model = new ScriptedModel("m", "1");
    engine.registry().add(model, null, false, "fw-1/42");
    publish(100);
    awaitScored(engine, 100);
    engine.stop(10_000);

    start(0);
    engine.registry().add(model, null, false, "fw-1/42");
    assertEquals(-1, model.importedCount, "not imported into the instance that exported it");
    engine.stop(10_000);

    start(0); // the next launch: a new framework, a new instance
    ScriptedModel other = new ScriptedModel("m", "1");
    engine.registry().add(other, null, false, "fw-2/7");
    assertEquals(100, other.importedCount, "a new instance continues from the saved state");
  }

  @Test
  void aCorruptFileIsKeptAsideAndTheModelStartsFresh() throws Exception {
    start(0);
    engine.registry().add(new ScriptedModel("m", "1"));
    publish(100);
    awaitScored(engine, 100);
    engine.stop(10_000);
    Path file = new StateStore(dir).fileOf("m");
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 0x40;
    Files.write(file, bytes);

    start(0);
    ScriptedModel fresh = new ScriptedModel("m", "1");
    engine.registry().add(fresh);
    assertEquals(-1, fresh.importedCount, "nothing imported");
    assertTrue(Files.exists(dir.resolve("m.state.bad")));
  }

  @Test
  void savedPeriodicallyWhileScoring() {
    start(50);
    ScriptedModel model = new ScriptedModel("m", "1");
    engine.registry().add(model);
    publish(300);
    awaitScored(engine, 300);
    StateStore store = new StateStore(dir);
    await("a periodic save with all 300 events", () -> store.load("m").map(s -> java.nio.ByteBuffer.wrap(s.data())
        .getLong() == 300).orElse(false));
  }

  @Test
  void savedWhenTheModelIsRemovedForGood() {
    start(0);
    ScriptedModel model = new ScriptedModel("m", "1");
    engine.registry().add(model, () -> Presence.GONE);
    publish(200);
    awaitScored(engine, 200);
    engine.registry().remove(model);
    engine.expireParkedModels();
    assertEquals(200, java.nio.ByteBuffer.wrap(new StateStore(dir).load("m").orElseThrow().data()).getLong());
  }

  /** After a promotion and a restart, the promoted version is active whichever binds first. */
  @Test
  void thePromotedVersionStaysActiveAcrossARestart() throws Exception {
    start(0);
    engine.registry().add(new ScriptedModel("m", "1"));
    engine.registry().add(new ScriptedModel("m", "2"), null, true);
    publish(100);
    awaitScored(engine, 100);
    engine.registry().roles().promote("m");
    publish(50);
    awaitScored(engine, 150);
    engine.stop(10_000);

    start(0);
    ScriptedModel v1 = new ScriptedModel("m", "1");
    ScriptedModel v2 = new ScriptedModel("m", "2");
    engine.registry().add(v1);
    engine.registry().add(v2, null, true);
    ModelInfo info = engine.registry().roles().models().get(0);
    assertEquals("2", info.activeVersion());
    assertEquals("1", info.shadowVersion());
    assertEquals(150, v2.importedCount, "v2 continues from its own saved state");
    assertEquals(150, v1.importedCount, "the shadow starts again from the active version's state");
  }
}
