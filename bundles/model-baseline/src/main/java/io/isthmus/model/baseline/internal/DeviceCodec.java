package io.isthmus.model.baseline.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/** One device's baseline in state format 1. Arrays are read once into locals: an export may run while events flow. */
final class DeviceCodec {
  private DeviceCodec() {}

  static void write(DeviceBaseline b, DataOutputStream out) throws IOException {
    out.writeLong(b.events);
    out.writeLong(b.reads);
    out.writeLong(b.writes);
    out.writeInt(b.learningLeft);
    out.writeByte((b.unknown ? 1 : 0) | (b.objectsFull ? 2 : 0) | (b.peersFull ? 4 : 0));
    short[] ops = b.ops;
    int[] counts = b.opCounts;
    int n = Math.min(ops.length, counts.length);
    out.writeShort(n);
    for (int i = 0; i < n; i++) {
      out.writeShort(ops[i]);
      out.writeInt(counts[i]);
    }
    writeShorts(out, b.functionCodes);
    writeInts(out, b.ports);
    writeInts(out, b.ranges);
    writeInts(out, b.objects);
    PeerStats[] peers = b.peers;
    out.writeShort(peers.length);
    for (PeerStats p : peers) {
      out.writeInt(p.peer);
      out.writeShort(p.protocol);
      out.writeBoolean(p.writes);
      out.writeLong(p.lastRequestMicros);
      out.writeInt(p.intervals);
      out.writeFloat(p.intervalMean);
      out.writeFloat(p.intervalM2);
      out.writeFloat(p.intervalEwma);
      out.writeLong(p.windowStartMicros);
      out.writeInt(p.windowCount);
      out.writeBoolean(p.windowFlagged);
      out.writeInt(p.rateWindows);
      out.writeFloat(p.rateMean);
      out.writeInt(p.rateMax);
      out.writeInt(p.payloads);
      out.writeFloat(p.payloadMean);
      out.writeFloat(p.payloadM2);
      out.writeInt(p.payloadMin);
      out.writeInt(p.payloadMax);
    }
  }

  static DeviceBaseline read(DataInputStream in, short[] remap) throws IOException {
    DeviceBaseline b = new DeviceBaseline();
    b.events = in.readLong();
    b.reads = in.readLong();
    b.writes = in.readLong();
    b.learningLeft = in.readInt();
    int flags = in.readByte();
    b.unknown = (flags & 1) != 0;
    b.objectsFull = (flags & 2) != 0;
    b.peersFull = (flags & 4) != 0;
    int n = count(in.readShort(), DeviceBaseline.MAX_OPS);
    b.ops = new short[n];
    b.opCounts = new int[n];
    for (int i = 0; i < n; i++) {
      b.ops[i] = code(in.readShort(), remap);
      b.opCounts[i] = in.readInt();
    }
    b.functionCodes = readShorts(in, Short.MAX_VALUE);
    b.ports = readInts(in, DeviceBaseline.MAX_PORTS);
    b.ranges = readInts(in, 2 * DeviceBaseline.MAX_RANGES);
    b.objects = readInts(in, DeviceBaseline.MAX_OBJECTS);
    int peers = count(in.readShort(), DeviceBaseline.MAX_PEERS);
    b.peers = new PeerStats[peers];
    for (int i = 0; i < peers; i++) {
      PeerStats p = new PeerStats(in.readInt(), code(in.readShort(), remap));
      p.writes = in.readBoolean();
      p.lastRequestMicros = in.readLong();
      p.intervals = in.readInt();
      p.intervalMean = in.readFloat();
      p.intervalM2 = in.readFloat();
      p.intervalEwma = in.readFloat();
      p.windowStartMicros = in.readLong();
      p.windowCount = in.readInt();
      p.windowFlagged = in.readBoolean();
      p.rateWindows = in.readInt();
      p.rateMean = in.readFloat();
      p.rateMax = in.readInt();
      p.payloads = in.readInt();
      p.payloadMean = in.readFloat();
      p.payloadM2 = in.readFloat();
      p.payloadMin = in.readInt();
      p.payloadMax = in.readInt();
      b.peers[i] = p;
    }
    return b;
  }

  static int count(DataInputStream in, int max) throws IOException {
    return count(in.readInt(), max);
  }

  private static int count(int n, int max) {
    if (n < 0 || n > max) {
      throw new IllegalArgumentException("count " + n + " out of range 0-" + max + " in baseline-model state");
    }
    return n;
  }

  private static short code(short old, short[] remap) {
    if (old < 0 || old >= remap.length) {
      throw new IllegalArgumentException("operation code " + old + " not in the state's name table");
    }
    return remap[old];
  }

  private static void writeShorts(DataOutputStream out, short[] values) throws IOException {
    out.writeShort(values.length);
    for (short v : values) {
      out.writeShort(v);
    }
  }

  private static short[] readShorts(DataInputStream in, int max) throws IOException {
    short[] values = new short[count(in.readUnsignedShort(), max)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readShort();
    }
    return values;
  }

  private static void writeInts(DataOutputStream out, int[] values) throws IOException {
    out.writeShort(values.length);
    for (int v : values) {
      out.writeInt(v);
    }
  }

  private static int[] readInts(DataInputStream in, int max) throws IOException {
    int[] values = new int[count(in.readUnsignedShort(), max)];
    for (int i = 0; i < values.length; i++) {
      values[i] = in.readInt();
    }
    return values;
  }
}
