package io.isthmus.model.sequence.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Transition counts of a Markov chain over operation ids, for every context length from 1 up to
 * the order, so a long context that was never seen can back off to a shorter one. A context key
 * packs its length and up to three 16-bit ids (the most recent lowest). Bounded: once {@code cap}
 * distinct (context, next) pairs are held, new pairs are not learned. Thread-safe, because the
 * per-protocol chain is written by every device's thread.
 */
final class Chain {
  private final ConcurrentHashMap<Long, Context> contexts = new ConcurrentHashMap<>();
  private final Set<Integer> vocabulary = ConcurrentHashMap.newKeySet();
  private final AtomicInteger pairs = new AtomicInteger();
  private final LongAdder learned = new LongAdder();
  private final LongAdder refused = new LongAdder();

  static final class Context {
    final AtomicLong total = new AtomicLong();
    final ConcurrentHashMap<Integer, AtomicLong> next = new ConcurrentHashMap<>(4);
  }

  /** The context of length 0: its counts are how often each operation occurs at all. */
  static final long UNIGRAM = 0L;

  /** The key of the last {@code length} ids of {@code history} (oldest first). */
  static long key(int[] history, int length) {
    return key(history, history.length, length);
  }

  /** The key of the {@code length} ids of {@code ids} that end before index {@code end}. */
  static long key(int[] ids, int end, int length) {
    long key = (long) length << 48;
    for (int i = 0; i < length; i++) {
      key |= (long) (ids[end - 1 - i] & 0xffff) << (16 * i);
    }
    return key;
  }

  static int length(long key) {
    return (int) (key >>> 48);
  }

  /** The ids of a key, oldest first. */
  static int[] ids(long key) {
    int length = length(key);
    int[] ids = new int[length];
    for (int i = 0; i < length; i++) {
      ids[length - 1 - i] = (int) ((key >>> (16 * i)) & 0xffff);
    }
    return ids;
  }

  /** Learns that {@code next} followed {@code history}, at every context length up to {@code order}. */
  void learn(int[] history, int next, int order, int cap) {
    learn(history, history.length, next, order, cap);
  }

  /** Learns that {@code next} followed the ids of {@code ids} before index {@code end}. */
  void learn(int[] ids, int end, int next, int order, int cap) {
    int lengths = Math.min(order, end);
    for (int l = 0; l <= lengths; l++) {
      add(key(ids, end, l), next, 1, cap);
    }
    learned.increment();
    vocabulary.add(next);
  }

  /** Adds {@code count} observations of {@code next} after context {@code key}; false if the cap refused it. */
  boolean add(long key, int next, long count, int cap) {
    Context c = contexts.get(key);
    if (c == null) {
      if (pairs.get() >= cap) {
        refused.increment();
        return false;
      }
      c = contexts.computeIfAbsent(key, k -> new Context());
    }
    AtomicLong n = c.next.get(next);
    if (n == null) {
      if (pairs.get() >= cap) {
        refused.increment();
        return false;
      }
      AtomicLong fresh = new AtomicLong();
      n = c.next.putIfAbsent(next, fresh);
      if (n == null) {
        n = fresh;
        pairs.incrementAndGet();
      }
    }
    n.addAndGet(count);
    c.total.addAndGet(count);
    return true;
  }

  long total(long key) {
    Context c = contexts.get(key);
    return c == null ? 0 : c.total.get();
  }

  long count(long key, int next) {
    Context c = contexts.get(key);
    AtomicLong n = c == null ? null : c.next.get(next);
    return n == null ? 0 : n.get();
  }

  /** How many different operations followed context {@code key}. */
  int successors(long key) {
    Context c = contexts.get(key);
    return c == null ? 0 : c.next.size();
  }

  /** Distinct operations that ever followed something, for add-k smoothing. */
  int vocabulary() {
    return vocabulary.size();
  }

  /** Transitions learned (each counted once, whatever the order). */
  long learned() {
    return learned.sum();
  }

  void addLearned(long n, Iterable<Integer> ops) {
    learned.add(n);
    ops.forEach(vocabulary::add);
  }

  Set<Integer> operations() {
    return vocabulary;
  }

  int pairs() {
    return pairs.get();
  }

  long refused() {
    return refused.sum();
  }

  Map<Long, Context> contexts() {
    return contexts;
  }
}
