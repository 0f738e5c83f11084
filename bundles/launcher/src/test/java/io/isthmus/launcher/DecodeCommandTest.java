package io.isthmus.launcher;

import static io.isthmus.launcher.CommandLineTest.assertOneLineError;
import static io.isthmus.launcher.CommandLineTest.isthmus;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors of {@code decode}, found before any framework starts: one line, exit code 2. */
class DecodeCommandTest {

  @Test
  void noFile() {
    assertOneLineError(isthmus("decode"), "Missing required parameter: 'FILE'");
  }

  @Test
  void unknownFormat() {
    assertOneLineError(isthmus("decode", "--format", "xml", "x.pcap"), "unknown format 'xml' (known: zeek-json, table)");
  }

  @Test
  void outputThatCannotBeWritten(@TempDir Path dir) {
    assertOneLineError(isthmus("decode", "--output", dir.resolve("no/such/dir/out.json").toString(), "x.pcap"),
        "cannot write " + dir.resolve("no/such/dir/out.json"));
  }
}
