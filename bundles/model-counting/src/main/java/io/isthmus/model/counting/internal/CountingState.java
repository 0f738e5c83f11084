package io.isthmus.model.counting.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The model's state in its exported form (format 1): total events as a long, the number of
 * devices as an int, then per device its key, event count and operations. The leading total
 * lets tests and the benchmark read how many events the model has seen across versions.
 */
final class CountingState {
  static final int FORMAT = 1;

  private CountingState() {}

  static byte[] write(long total, Map<String, DeviceCounts> devices) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeLong(total);
      out.writeInt(devices.size());
      for (Map.Entry<String, DeviceCounts> e : devices.entrySet()) {
        out.writeUTF(e.getKey());
        out.writeLong(e.getValue().events);
        out.writeInt(e.getValue().operations.size());
        for (String op : e.getValue().operations) {
          out.writeUTF(op);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads a format-1 state into {@code devices}; returns the total. */
  static long read(byte[] data, ConcurrentHashMap<String, DeviceCounts> devices) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      long total = in.readLong();
      int count = in.readInt();
      if (count < 0) {
        throw new IllegalArgumentException("negative device count in state");
      }
      for (int i = 0; i < count; i++) {
        DeviceCounts d = new DeviceCounts();
        String key = in.readUTF();
        d.events = in.readLong();
        int ops = in.readInt();
        for (int j = 0; j < ops; j++) {
          d.operations.add(in.readUTF());
        }
        devices.put(key, d);
      }
      return total;
    } catch (IOException e) {
      throw new IllegalArgumentException("counting-model state is truncated or corrupt: " + e, e);
    }
  }
}
