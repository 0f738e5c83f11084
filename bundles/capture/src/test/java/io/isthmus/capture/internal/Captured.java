package io.isthmus.capture.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Every frame a reader hands out, copied, with the weirds it reported. */
record Captured(String format, List<Captured.Copy> frames, Weirds weirds) {

  record Copy(long timeMicros, int linkType, byte[] data, int originalLength) {}

  static Captured read(byte[] capture) {
    Weirds weirds = Weirds.silent();
    try (CaptureReader r = CaptureFiles.open(new ByteArrayInputStream(capture), "test", weirds)) {
      List<Copy> frames = new ArrayList<>();
      for (Frame f = r.next(); f != null; f = r.next()) {
        frames.add(new Copy(f.timeMicros, f.linkType, Arrays.copyOfRange(f.data, f.offset, f.offset + f.capturedLength),
            f.originalLength));
      }
      return new Captured(r.format(), frames, weirds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> texts() {
    return frames.stream().map(c -> new String(c.data, java.nio.charset.StandardCharsets.ISO_8859_1)).toList();
  }
}
