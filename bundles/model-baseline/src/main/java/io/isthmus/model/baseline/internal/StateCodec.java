package io.isthmus.model.baseline.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's state as compact binary, format {@value #FORMAT}: learning flag, event count and
 * first event time; the operation/protocol name table (codes are re-interned on import, so
 * they need not match between instances); then every device with its pairs ({@link DeviceCodec}).
 * A later format adds a case to {@link #read} and keeps reading this one.
 */
final class StateCodec {
  static final int FORMAT = 1;
  private static final int MAGIC = 0x4953424c; // "ISBL"

  private StateCodec() {}

  static byte[] write(BaselineModel model, boolean learning) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + model.devices.size() * 160);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(MAGIC);
      out.writeBoolean(learning);
      out.writeLong(model.total.get());
      out.writeLong(model.firstMicros.get());
      List<String> names = model.codes.snapshot();
      out.writeInt(names.size());
      for (String name : names) {
        out.writeUTF(name);
      }
      // Count as written: devices may be added while an export runs.
      ByteArrayOutputStream body = new ByteArrayOutputStream(model.devices.size() * 160);
      int count = 0;
      try (DataOutputStream deviceOut = new DataOutputStream(body)) {
        for (Map.Entry<String, DeviceBaseline> e : model.devices.entrySet()) {
          deviceOut.writeUTF(e.getKey());
          DeviceCodec.write(e.getValue(), deviceOut);
          count++;
        }
      }
      out.writeInt(count);
      body.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Reads a state into {@code model}; returns whether the model was still learning. */
  static boolean read(int format, byte[] data, BaselineModel model) {
    if (format != 1) {
      throw new IllegalArgumentException("unknown baseline-model state format " + format);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      if (in.readInt() != MAGIC) {
        throw new IllegalArgumentException("not a baseline-model state");
      }
      boolean learning = in.readBoolean();
      long total = in.readLong();
      long first = in.readLong();
      int nameCount = DeviceCodec.count(in, OperationCodes.MAX);
      short[] remap = new short[nameCount];
      for (int i = 0; i < nameCount; i++) {
        remap[i] = model.codes.code(in.readUTF());
      }
      int devices = DeviceCodec.count(in, Integer.MAX_VALUE);
      // Read everything before changing the model: a corrupt state leaves it as it was.
      Map<String, DeviceBaseline> read = new HashMap<>(Math.min(devices, 1 << 20));
      for (int i = 0; i < devices; i++) {
        String key = in.readUTF();
        read.put(key, DeviceCodec.read(in, remap));
      }
      model.devices.putAll(read);
      model.total.addAndGet(total);
      model.firstMicros.compareAndSet(Long.MIN_VALUE, first);
      return learning;
    } catch (IOException e) {
      throw new IllegalArgumentException("baseline-model state is truncated or corrupt: " + e, e);
    }
  }
}
