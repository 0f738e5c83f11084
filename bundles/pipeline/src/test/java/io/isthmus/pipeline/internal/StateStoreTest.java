package io.isthmus.pipeline.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.isthmus.api.detection.ModelState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {
  @TempDir
  Path dir;

  private static ModelState state(String id, int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    return new ModelState(id, "1.2.3.v20260101", 7, data);
  }

  @Test
  void roundTripKeepsIdVersionFormatAndBytes() throws Exception {
    StateStore store = new StateStore(dir.resolve("models"));
    for (ModelState s : List.of(state("baseline", 100_000), state("../odd id/é", 3), state("empty", 0))) {
      store.save(s);
      ModelState back = store.load(s.modelId()).orElseThrow();
      assertEquals(s.modelId(), back.modelId());
      assertEquals(s.modelVersion(), back.modelVersion());
      assertEquals(s.formatVersion(), back.formatVersion());
      assertArrayEquals(s.data(), back.data());
    }
    try (Stream<Path> files = Files.list(dir.resolve("models"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertEquals(List.of("%2e.%2fodd%20id%2f%c3%a9.state", "baseline.state", "empty.state"), names,
          "one file per id, no temporary file left, no path outside the directory");
    }
  }

  @Test
  void aNewerSaveReplacesTheOlder() throws Exception {
    StateStore store = new StateStore(dir);
    store.save(state("m", 10));
    store.save(state("m", 20));
    assertEquals(20, store.load("m").orElseThrow().data().length);
  }

  @Test
  void aFlippedByteIsCaughtByTheChecksumAndTheFileKeptAside() throws Exception {
    StateStore store = new StateStore(dir);
    store.save(state("m", 1000));
    Path file = store.fileOf("m");
    byte[] bytes = Files.readAllBytes(file);
    bytes[500] ^= 0x01;
    Files.write(file, bytes);

    assertEquals(Optional.empty(), store.load("m"));
    assertFalse(Files.exists(file));
    assertTrue(Files.exists(dir.resolve("m.state.bad")));
    assertEquals(Optional.empty(), store.load("m"), "the model starts fresh from then on");
  }

  @Test
  void truncatedGarbageAndForeignFilesAreRejected() throws Exception {
    StateStore store = new StateStore(dir);
    store.save(state("m", 1000));
    byte[] whole = Files.readAllBytes(store.fileOf("m"));
    Files.write(store.fileOf("cut"), java.util.Arrays.copyOf(whole, 600));
    Files.write(store.fileOf("junk"), "not a state".getBytes());
    Files.copy(store.fileOf("m"), store.fileOf("other")); // valid file, but of model m
    for (String id : List.of("cut", "junk", "other")) {
      assertEquals(Optional.empty(), store.load(id), id);
      assertTrue(Files.exists(dir.resolve(id + ".state.bad")), id);
    }
    assertTrue(store.load("m").isPresent());
  }

  @Test
  void chosenActiveVersionsSurvive() throws Exception {
    StateStore store = new StateStore(dir);
    assertTrue(store.activeVersions().isEmpty());
    Properties p = new Properties();
    p.setProperty("baseline", "2.0.0");
    store.saveActiveVersions(p);
    assertEquals("2.0.0", new StateStore(dir).activeVersions().getProperty("baseline"));
  }
}
