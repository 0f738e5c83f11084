package io.isthmus.model.sequence.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The learned state in its exported form. Format 1: learning flag, learning start, events seen;
 * the operation names by id (ids 0 and 1 are implicit); the chains per protocol, then per
 * device. A chain is its learned count, its operations, and per context key the counts of each
 * next operation. Ids are remapped through the importer's name table, so states of models with
 * other tables (or other orders) combine. Open sessions are not exported: they are re-formed
 * from the next events. A later format adds a case to {@link #read} and keeps reading this one.
 */
final class SequenceState {
  static final int FORMAT = 1;

  record Imported(boolean learning, long learningStart, long events, Map<String, Chain> protocols,
      Map<String, DeviceState> devices) {}

  private SequenceState() {}

  static byte[] write(boolean learning, long learningStart, long events, OperationNames names,
      Map<String, Chain> protocols, Map<String, DeviceState> devices) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeBoolean(learning);
      out.writeLong(learningStart);
      out.writeLong(events);
      int size = names.size();
      out.writeInt(size - 2);
      for (int id = 2; id < size; id++) {
        out.writeUTF(names.name(id));
      }
      Map<String, Chain> chains = new HashMap<>(protocols);
      out.writeInt(chains.size());
      for (Map.Entry<String, Chain> e : chains.entrySet()) {
        out.writeUTF(e.getKey());
        writeChain(out, e.getValue());
      }
      Map<String, DeviceState> copy = new HashMap<>(devices);
      out.writeInt(copy.size());
      for (Map.Entry<String, DeviceState> e : copy.entrySet()) {
        out.writeUTF(e.getKey());
        writeChain(out, e.getValue().chain);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void writeChain(DataOutputStream out, Chain chain) throws IOException {
    out.writeLong(chain.learned());
    Integer[] ops = chain.operations().toArray(new Integer[0]);
    out.writeInt(ops.length);
    for (Integer op : ops) {
      out.writeInt(op);
    }
    Map<Long, Chain.Context> contexts = new HashMap<>(chain.contexts());
    out.writeInt(contexts.size());
    for (Map.Entry<Long, Chain.Context> c : contexts.entrySet()) {
      out.writeLong(c.getKey());
      Map<Integer, Long> next = new HashMap<>();
      c.getValue().next.forEach((op, n) -> next.put(op, n.get()));
      out.writeInt(next.size());
      for (Map.Entry<Integer, Long> n : next.entrySet()) {
        out.writeInt(n.getKey());
        out.writeLong(n.getValue());
      }
    }
  }

  /** Reads a state of {@code format}; {@link IllegalArgumentException} if the format is unknown or the bytes are corrupt. */
  static Imported read(int format, byte[] data, OperationNames names, Settings s) {
    if (format != FORMAT) {
      throw new IllegalArgumentException("unknown sequence-model state format " + format);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
      boolean learning = in.readBoolean();
      long learningStart = in.readLong();
      long events = in.readLong();
      int[] remap = new int[2 + count(in, data)];
      remap[OperationNames.START] = OperationNames.START;
      remap[OperationNames.OTHER] = OperationNames.OTHER;
      for (int id = 2; id < remap.length; id++) {
        remap[id] = names.id(in.readUTF());
      }
      Map<String, Chain> protocols = new HashMap<>();
      for (int i = count(in, data); i > 0; i--) {
        protocols.put(in.readUTF(), readChain(in, data, remap, s.maxTransitionsPerProtocol()));
      }
      Map<String, DeviceState> devices = new HashMap<>();
      for (int i = count(in, data); i > 0; i--) {
        String key = in.readUTF();
        DeviceState d = new DeviceState();
        readChain(in, data, remap, s.maxTransitionsPerDevice(), d.chain);
        devices.put(key, d);
      }
      return new Imported(learning, learningStart, events, protocols, devices);
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      throw new IllegalArgumentException("sequence-model state is truncated or corrupt: " + e, e);
    }
  }

  private static Chain readChain(DataInputStream in, byte[] data, int[] remap, int cap) throws IOException {
    Chain chain = new Chain();
    readChain(in, data, remap, cap, chain);
    return chain;
  }

  private static void readChain(DataInputStream in, byte[] data, int[] remap, int cap, Chain chain) throws IOException {
    long learned = in.readLong();
    int[] ops = new int[count(in, data)];
    for (int i = 0; i < ops.length; i++) {
      ops[i] = remap[in.readInt()];
    }
    chain.addLearned(Math.max(0, learned), java.util.Arrays.stream(ops).boxed().toList());
    for (int c = count(in, data); c > 0; c--) {
      long key = in.readLong();
      int length = Chain.length(key);
      if (length < 0 || length > Settings.MAX_ORDER) {
        throw new IOException("context of length " + length);
      }
      int[] ids = Chain.ids(key);
      for (int i = 0; i < ids.length; i++) {
        ids[i] = remap[ids[i]];
      }
      long mapped = Chain.key(ids, length);
      for (int n = count(in, data); n > 0; n--) {
        int next = remap[in.readInt()];
        long times = in.readLong();
        if (times <= 0) {
          throw new IOException("non-positive transition count " + times);
        }
        chain.add(mapped, next, times, cap);
      }
    }
  }

  /** A count that cannot exceed what the bytes could hold, so a corrupt state cannot make us loop or allocate for long. */
  private static int count(DataInputStream in, byte[] data) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > data.length) {
      throw new IOException("count " + n + " out of range");
    }
    return n;
  }
}
