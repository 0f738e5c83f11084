package io.isthmus.model.baseline.internal;

import static io.isthmus.model.baseline.internal.SmallSets.NO_INTS;
import static io.isthmus.model.baseline.internal.SmallSets.NO_SHORTS;

import io.isthmus.api.event.TelemetryEvent;
import java.util.Arrays;

/**
 * The learned behaviour of one device: operations sent to it (interned codes with counts),
 * function codes, its own ports, register ranges touched, objects and topics named, reads and
 * writes, and one {@link PeerStats} per (peer, protocol). Every collection is a small bounded
 * primitive array. Only the pipeline thread that owns the device writes it.
 */
final class DeviceBaseline {
  static final int MAX_PEERS = 32;
  static final int MAX_OPS = 64;
  static final int MAX_PORTS = 8;
  static final int MAX_RANGES = 16;
  static final int MAX_OBJECTS = 64;
  private static final PeerStats[] NO_PEERS = new PeerStats[0];

  long events;
  long reads;
  long writes;
  /** Events this device still learns from on its own (first seen after learning, when the site allows it). */
  int learningLeft;
  /** Seen first after learning and not allowed to learn: reported as a new device. */
  boolean unknown;
  short[] ops = NO_SHORTS;
  int[] opCounts = NO_INTS;
  short[] functionCodes = NO_SHORTS;
  int[] ports = NO_INTS;
  int[] ranges = NO_INTS;
  int[] objects = NO_INTS;
  boolean objectsFull;
  boolean peersFull;
  PeerStats[] peers = NO_PEERS;
  long lastFindingMicros = Long.MIN_VALUE;
  int lastFindingSignature;

  /** Learns from or checks one event; returns what deviates, or null. */
  Deviations observe(TelemetryEvent e, boolean globalLearning, Tuning t) {
    events++;
    boolean learning = globalLearning || learningLeft > 0;
    if (!globalLearning && learningLeft > 0) {
      learningLeft--;
    }
    boolean toDevice = EventFacts.toDevice(e);
    String op = e.operation();
    boolean write = toDevice && EventFacts.isWrite(op);
    PeerStats pair = pair(EventFacts.addressKey(e.peer().ip()), t.codes().code(e.protocol()), learning);
    Deviations d = null;
    if (pair == null && !learning && !peersFull) {
      d = Deviations.add(d, "new_peer:" + e.peer().ip(), 0.5, e.peer().ip() + " has never talked "
          + e.protocol() + " with this device before.");
    }
    if (toDevice && !EventFacts.isHousekeeping(op)) {
      d = operations(e, op, write, pair, learning, t, d);
    }
    d = Structure.ports(this, e, learning, d);
    if (toDevice) {
      d = Structure.ranges(this, e, write, learning, d);
    }
    d = Structure.objects(this, e, learning, d);
    if (pair != null) {
      d = PairTiming.check(pair, e, toDevice, learning, t, d);
    }
    if (d == null) {
      if (toDevice) {
        if (write) {
          writes++;
        } else {
          reads++;
        }
      }
    } else if (pair != null) {
      pair.windowFlagged = true;
    }
    return d;
  }

  private Deviations operations(TelemetryEvent e, String op, boolean write, PeerStats pair, boolean learning,
      Tuning t, Deviations d) {
    short code = t.codes().code(op);
    int at = indexOf(code);
    int fc = EventFacts.functionCode(e);
    boolean newFc = fc >= 0 && fc <= Short.MAX_VALUE && !SmallSets.contains(functionCodes, (short) fc);
    if (learning) {
      if (at < 0 && ops.length < MAX_OPS) {
        ops = Arrays.copyOf(ops, ops.length + 1);
        opCounts = Arrays.copyOf(opCounts, ops.length);
        ops[ops.length - 1] = code;
        at = ops.length - 1;
      }
      if (newFc) {
        functionCodes = SmallSets.with(functionCodes, (short) fc);
      }
      if (write && pair != null) {
        pair.writes = true;
      }
    } else {
      String sentence = e.peer().ip() + " sent " + op + (fc >= 0 ? " (function code " + fc + ")" : "")
          + " to this device, which was never asked to do that while its normal behaviour was learned.";
      double weight = EventFacts.isWrite(op) || Attack.forOperation(op) != Attack.UNAUTHORIZED_COMMAND ? 0.8 : 0.6;
      if (newFc) {
        d = Deviations.add(d, "fc_not_in_baseline:" + fc, weight, sentence, Attack.forOperation(op));
      } else if (at < 0 && ops.length < MAX_OPS) {
        d = Deviations.add(d, "operation_not_in_baseline:" + op, weight, sentence, Attack.forOperation(op));
      }
      if (write && (pair == null || !pair.writes)) {
        d = Deviations.add(d, "new_writer_host", 0.8, e.peer().ip() + " changed something on this device ("
            + op + ") although it never wrote to it before; only " + writerCount()
            + " host(s) normally do.", Attack.ROGUE_MASTER, Attack.UNAUTHORIZED_COMMAND);
      }
    }
    if (at >= 0 && (learning || d == null)) {
      opCounts[at]++;
    }
    return d;
  }

  private int indexOf(short code) {
    short[] o = ops;
    for (int i = 0; i < o.length; i++) {
      if (o[i] == code) {
        return i;
      }
    }
    return -1;
  }

  private PeerStats pair(int peer, short protocol, boolean learning) {
    for (PeerStats p : peers) {
      if (p.peer == peer && p.protocol == protocol) {
        return p;
      }
    }
    if (!learning) {
      return null;
    }
    if (peers.length >= MAX_PEERS) {
      peersFull = true;
      return null;
    }
    PeerStats p = new PeerStats(peer, protocol);
    PeerStats[] grown = Arrays.copyOf(peers, peers.length + 1);
    grown[peers.length] = p;
    peers = grown;
    return p;
  }

  int writerCount() {
    int n = 0;
    for (PeerStats p : peers) {
      n += p.writes ? 1 : 0;
    }
    return n;
  }
}
