package io.isthmus.model.sequence.internal;

import io.isthmus.api.event.TelemetryEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The requests of one client to one device over one protocol, until an idle gap. Holds the last
 * operations (the chain's context), the last events (evidence), and, once learning is over, the
 * transitions waiting to be learned: they are learned only if the session is never flagged, so
 * an attacker cannot teach the model his own sequence.
 */
final class Session {
  /** Pending transitions are learned in batches of this size, so a session that never idles still teaches. */
  static final int BATCH = 32;

  final int[] history;
  private final ArrayDeque<TelemetryEvent> recent;
  private final int evidence;
  private final List<int[]> pending = new ArrayList<>();
  private final Set<Integer> reported = new HashSet<>();
  @Nullable String protocol;
  long lastMicros;
  long requests;
  boolean flagged;
  int findings;
  /** Operation kinds seen so far in this session, as bits of {@link OperationKind#ordinal()}. */
  private int kinds;

  Session(int order, long timeMicros) {
    history = new int[order];
    Arrays.fill(history, OperationNames.START);
    evidence = order + 1;
    recent = new ArrayDeque<>(evidence);
    lastMicros = timeMicros;
  }

  void advance(int op, OperationKind kind, TelemetryEvent event) {
    System.arraycopy(history, 1, history, 0, history.length - 1);
    history[history.length - 1] = op;
    if (recent.size() == evidence) {
      recent.removeFirst();
    }
    recent.addLast(event);
    kinds |= 1 << kind.ordinal();
    requests++;
  }

  boolean saw(OperationKind kind) {
    return (kinds & (1 << kind.ordinal())) != 0;
  }

  /** Whether every request so far only read. */
  boolean readOnlySoFar() {
    return requests > 0 && (kinds & ~(1 << OperationKind.READ.ordinal())) == 0;
  }

  /** The context events and the current one. */
  List<TelemetryEvent> evidence(TelemetryEvent current) {
    List<TelemetryEvent> list = new ArrayList<>(recent);
    list.add(current);
    if (list.size() > evidence) {
      list.remove(0);
    }
    return list;
  }

  /** Records a transition to learn later; true when a batch is ready. */
  boolean hold(int next) {
    int[] t = Arrays.copyOf(history, history.length + 1);
    t[history.length] = next;
    pending.add(t);
    return pending.size() >= BATCH;
  }

  /** Marks the session flagged: what it held is dropped and nothing more of it is learned. */
  void flag() {
    flagged = true;
    pending.clear();
  }

  /** Whether operation {@code op} has not been reported in this session yet. */
  boolean firstReport(int op) {
    return reported.add(op);
  }

  List<int[]> takePending() {
    List<int[]> out = new ArrayList<>(pending);
    pending.clear();
    return out;
  }
}
