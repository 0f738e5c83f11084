package io.isthmus.model.semantics.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The learned state in its exported form. Format 1: whether the model was still learning and when
 * its learning period ends (capture time, {@code Long.MIN_VALUE} if not started), the device
 * count, then per device its key and, for writers then masters, a count and each relation's key
 * and last-seen time, least recently seen first. Rate-limit windows and sweep counters are
 * transient and not exported.
 */
final class SemanticsState {
  static final int FORMAT = 1;
  private static final int MAX_ENTRIES = 10_000_000;

  /** What an import restores besides the relations. */
  record Header(boolean learning, long learningEndsMicros) {}

  private SemanticsState() {}

  static byte[] write(boolean learning, long learningEndsMicros, Devices devices) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeBoolean(learning);
      out.writeLong(learningEndsMicros);
      // Devices may be added while we write: collect first so the count matches the entries.
      List<Map.Entry<String, DeviceState>> list = new ArrayList<>();
      devices.forEach((k, d) -> list.add(Map.entry(k, d)));
      out.writeInt(list.size());
      for (var e : list) {
        out.writeUTF(e.getKey());
        for (Relations.Kind kind : Relations.Kind.values()) {
          writeRelations(out, e.getValue().relations, kind);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeRelations(DataOutputStream out, Relations relations, Relations.Kind kind)
      throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream entries = new DataOutputStream(body);
    int[] count = {0};
    relations.forEach(kind, (key, seen) -> {
      try {
        entries.writeUTF(key);
        entries.writeLong(seen);
        count[0]++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    out.writeInt(count[0]);
    body.writeTo(out);
  }

  /** Reads a format-1 state into {@code devices}. */
  static Header read(byte[] data, Devices devices) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      boolean learning = in.readBoolean();
      long ends = in.readLong();
      int count = count(in.readInt());
      for (int i = 0; i < count; i++) {
        DeviceState d = devices.get(in.readUTF(), Long.MIN_VALUE);
        for (Relations.Kind kind : Relations.Kind.values()) {
          int n = count(in.readInt());
          for (int j = 0; j < n; j++) {
            String key = in.readUTF();
            long seen = in.readLong();
            d.relations.learn(kind, key, seen);
            d.lastSeenMicros = Math.max(d.lastSeenMicros, seen);
          }
        }
      }
      if (in.read() != -1) {
        throw new IllegalArgumentException("protocol-semantics state has bytes after its last device");
      }
      return new Header(learning, ends);
    } catch (IOException e) {
      throw new IllegalArgumentException("protocol-semantics state is truncated or corrupt: " + e, e);
    }
  }

  private static int count(int n) {
    if (n < 0 || n > MAX_ENTRIES) {
      throw new IllegalArgumentException("implausible entry count " + n + " in protocol-semantics state");
    }
    return n;
  }
}
