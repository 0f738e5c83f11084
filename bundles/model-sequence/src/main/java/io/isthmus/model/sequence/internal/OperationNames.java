package io.isthmus.model.sequence.internal;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * Interns operation names as small ids so chains key on numbers, not strings. Id 0 marks the
 * start of a session; id 1 is shared by every name past the cap, so a flood of made-up
 * operation names cannot grow memory. Thread-safe: all devices share one table.
 */
final class OperationNames {
  static final int START = 0;
  static final int OTHER = 1;
  /** Ids are packed 16 bits each into context keys. */
  static final int HARD_LIMIT = 0xffff;

  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  /** Name and kind by id; one array of records so that a reader never sees one without the other. */
  private final AtomicReferenceArray<Entry> entries = new AtomicReferenceArray<>(HARD_LIMIT + 1);
  private volatile int limit;
  private int next = 2;

  OperationNames(int limit) {
    this.limit = limit;
    entries.set(START, new Entry("(session start)", OperationKind.READ));
    entries.set(OTHER, new Entry("(other operation)", OperationKind.READ));
  }

  void limit(int value) {
    limit = value;
  }

  int id(String name) {
    Integer id = ids.get(name);
    return id != null ? id : add(name);
  }

  private synchronized int add(String name) {
    Integer id = ids.get(name);
    if (id != null) {
      return id;
    }
    if (next >= limit) {
      return OTHER;
    }
    int assigned = next++;
    entries.set(assigned, new Entry(name, OperationKind.of(name)));
    ids.put(name, assigned);
    return assigned;
  }

  String name(int id) {
    Entry e = entry(id);
    return e != null ? e.name : "(unknown operation)";
  }

  OperationKind kind(int id) {
    Entry e = entry(id);
    return e != null ? e.kind : OperationKind.READ;
  }

  private @Nullable Entry entry(int id) {
    return id >= 0 && id <= HARD_LIMIT ? entries.get(id) : null;
  }

  private record Entry(String name, OperationKind kind) {}

  /** Ids in use, START and OTHER included. */
  synchronized int size() {
    return next;
  }
}
