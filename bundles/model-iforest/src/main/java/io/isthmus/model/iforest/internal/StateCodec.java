package io.isthmus.model.iforest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The exported state, format 1: the learned windows, not the forest. The forest is a pure function
 * of the windows, the settings and the seed, so the importer grows it again (milliseconds) and a
 * newer version with a better forest still continues from the same baseline.
 *
 * <p>Layout (DataOutput): feature count and names; learning flag; learning start (µs); device
 * count; per device its key, learned operations, learned peers, and its windows as doubles in the
 * order of the names. A reader maps columns by name, so later versions may reorder or add features
 * (a feature missing from an old state makes it unreadable: IllegalArgumentException).
 */
final class StateCodec {
  static final int FORMAT = 1;
  private static final int MAX_COUNT = 50_000_000;

  record Imported(boolean learning, long learningStartMicros, List<DeviceState> devices) {}

  private StateCodec() {}

  static byte[] write(boolean learning, long learningStartMicros, Collection<DeviceState> devices) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(Features.COUNT);
      for (String name : Features.NAMES) {
        out.writeUTF(name);
      }
      out.writeBoolean(learning);
      out.writeLong(learningStartMicros);
      List<DeviceState> list = List.copyOf(devices);
      out.writeInt(list.size());
      for (DeviceState d : list) {
        out.writeUTF(d.key);
        writeSet(out, d.operations);
        writeSet(out, d.peers);
        double[][] windows = d.learnedWindows();
        out.writeInt(windows.length);
        for (double[] w : windows) {
          for (double v : w) {
            out.writeDouble(v);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static Imported read(byte[] data, int maxDeviceWindows) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      int width = count(in.readInt());
      int[] column = new int[width]; // state column -> our feature index, or -1 if we have no such feature
      boolean[] present = new boolean[Features.COUNT];
      for (int i = 0; i < width; i++) {
        column[i] = Features.NAMES.indexOf(in.readUTF());
        if (column[i] >= 0) {
          present[column[i]] = true;
        }
      }
      for (int f = 0; f < Features.COUNT; f++) {
        if (!present[f]) {
          throw new IllegalArgumentException("isolation-forest state lacks feature " + Features.NAMES.get(f));
        }
      }
      boolean learning = in.readBoolean();
      long start = in.readLong();
      int devices = count(in.readInt());
      List<DeviceState> out = new ArrayList<>();
      for (int i = 0; i < devices; i++) {
        DeviceState d = new DeviceState(in.readUTF(), false);
        d.bootstrap = false;
        readSet(in, d.operations);
        readSet(in, d.peers);
        int windows = count(in.readInt());
        for (int w = 0; w < windows; w++) {
          double[] x = new double[Features.COUNT];
          for (int c = 0; c < width; c++) {
            double v = in.readDouble();
            if (column[c] >= 0) {
              x[column[c]] = v;
            }
          }
          d.learn(x, maxDeviceWindows);
        }
        out.add(d);
      }
      return new Imported(learning, start, out);
    } catch (IOException e) {
      throw new IllegalArgumentException("isolation-forest state is truncated or corrupt: " + e, e);
    }
  }

  private static void writeSet(DataOutputStream out, Set<String> values) throws IOException {
    List<String> copy = List.copyOf(values);
    out.writeInt(copy.size());
    for (String v : copy) {
      out.writeUTF(v);
    }
  }

  private static void readSet(DataInputStream in, Set<String> into) throws IOException {
    int n = count(in.readInt());
    for (int i = 0; i < n; i++) {
      into.add(in.readUTF());
    }
  }

  /** A count read from the state; a negative or absurd one means corruption, not an allocation. */
  private static int count(int n) {
    if (n < 0 || n > MAX_COUNT) {
      throw new IllegalArgumentException("isolation-forest state has an impossible count " + n);
    }
    return n;
  }
}
