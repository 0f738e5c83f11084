package io.isthmus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Batch commands' throwaway directories: created writable, deleted whole, abandoned ones tidied. */
class ScratchDirectoryTest {

  @Test
  void aDirectoryIsCreatedForThisProcessAndDeletedWithWhatItHolds() throws IOException {
    Path dir = ScratchDirectory.create("decode");
    try {
      assertTrue(Files.isDirectory(dir) && Files.isWritable(dir));
      assertEquals(ProcessHandle.current().pid(), ScratchDirectory.pid(dir.getFileName().toString()));
      Files.createDirectories(dir.resolve("cache/bundle1"));
      Files.writeString(dir.resolve("cache/bundle1/bundle.info"), "x");
    } finally {
      ScratchDirectory.delete(dir);
    }
    assertFalse(Files.exists(dir));
  }

  @Test
  void theDirectoryOfAProcessThatIsGoneIsRemovedByTheNextOne() throws Exception {
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Path mine = ScratchDirectory.create("decode");
    Path parent = mine.getParent();
    Path abandoned = Files.createDirectory(parent.resolve("isthmus-decode-" + finished.pid() + "-12345"));
    Files.writeString(abandoned.resolve("left"), "behind");
    Path live = Files.createDirectory(parent.resolve("isthmus-decode-" + ProcessHandle.current().pid() + "-67890"));
    Path next = ScratchDirectory.create("analyze");
    try {
      assertFalse(Files.exists(abandoned), "a killed run's directory is removed");
      assertTrue(Files.exists(live), "a running process's directory stays");
      assertTrue(Files.exists(mine));
    } finally {
      ScratchDirectory.delete(mine);
      ScratchDirectory.delete(live);
      ScratchDirectory.delete(next);
      ScratchDirectory.delete(abandoned);
    }
  }

  @Test
  void namesThatAreNotOursHaveNoProcess() {
    assertEquals(-1, ScratchDirectory.pid("isthmus-decode"));
    assertEquals(-1, ScratchDirectory.pid("other-decode-12-34"));
    assertEquals(-1, ScratchDirectory.pid("isthmus-decode-x-34"));
    assertEquals(4242, ScratchDirectory.pid("isthmus-assets-list-4242-99"));
  }
}
