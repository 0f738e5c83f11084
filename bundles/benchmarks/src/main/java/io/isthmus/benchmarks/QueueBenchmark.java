package io.isthmus.benchmarks;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.YieldingWaitStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jctools.queues.MpscArrayQueue;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * Hand-off throughput of the queues a partition could use: one consumer (the partition's worker)
 * and one or two producers (sources publishing), the shape of {@code Partition}'s queue.
 *
 * <p>A producer operation is one element handed over ({@code put1}/{@code put2}); the consumer
 * takes up to {@value #BATCH} elements per operation, as {@code Partition} does per loop, each
 * queue in its own natural way, and counts every element it takes: read the {@code :taken} line
 * as hand-offs per second. A full or empty queue is retried after {@link Thread#yield()}, the same
 * for every queue, so none gets to block or park in its own way.
 *
 * <ul>
 *   <li>{@code ArrayBlockingQueue}: the JDK's bounded queue, one lock for both ends; {@code
 *       offer}, and {@code drainTo} (one lock acquisition per batch).
 *   <li>{@code MpscArrayQueue}: JCTools' lock-free multi-producer single-consumer array queue,
 *       what {@code Partition} uses; {@code offer}, and a {@code poll} loop exactly like {@code
 *       Partition.run}.
 *   <li>{@code Disruptor}: LMAX Disruptor multi-producer ring buffer of mutable slots; {@code
 *       tryNext}/{@code publish}, and an {@link EventPoller} taking everything published so far
 *       per poll (capping a poll at {@value #BATCH} makes the poller rescan the backlog, see
 *       {@code drain}).
 * </ul>
 *
 * <p>The group's own score adds producer operations and consumer batches, which means nothing;
 * look at {@code :taken} (and {@code :put1}/{@code :put2}, which match it in steady state).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class QueueBenchmark {

  /** Elements taken per consumer operation at most: {@code Partition.BATCH}. */
  static final int BATCH = 256;

  /** What flows through: a reference, as in the pipeline; never allocated on the hot path. */
  static final Object EVENT = new Object();

  /** The queue under test behind the two operations the benchmark needs. */
  interface Handoff {
    boolean offer(Object e);

    /** Takes up to {@code max} elements; returns how many. */
    int drain(int max);
  }

  @State(Scope.Group)
  public static class Queue {
    @Param({"ArrayBlockingQueue", "MpscArrayQueue", "Disruptor"})
    public String impl;

    /** The engine's default partition capacity ({@code queue.capacity}). */
    @Param({"65536"})
    public int capacity;

    Handoff handoff;

    @Setup(Level.Iteration)
    public void setUp() {
      handoff = switch (impl) {
        case "ArrayBlockingQueue" -> blocking(new ArrayBlockingQueue<>(capacity));
        case "MpscArrayQueue" -> mpsc(new MpscArrayQueue<>(capacity));
        case "Disruptor" -> disruptor(capacity);
        default -> throw new IllegalArgumentException("unknown queue " + impl);
      };
    }

    private static Handoff blocking(ArrayBlockingQueue<Object> q) {
      List<Object> batch = new ArrayList<>(BATCH);
      return new Handoff() {
        @Override
        public boolean offer(Object e) {
          return q.offer(e);
        }

        @Override
        public int drain(int max) {
          int n = q.drainTo(batch, max);
          batch.clear();
          return n;
        }
      };
    }

    private static Handoff mpsc(MpscArrayQueue<Object> q) {
      return new Handoff() {
        Object last;

        @Override
        public boolean offer(Object e) {
          return q.offer(e);
        }

        @Override
        public int drain(int max) {
          int n = 0;
          Object e;
          while (n < max && (e = q.poll()) != null) {
            last = e;
            n++;
          }
          return n;
        }
      };
    }

    /** A mutable slot, as the Disruptor wants; events are copied in by reference. */
    static final class Slot {
      Object event;
    }

    private static Handoff disruptor(int capacity) {
      // Not the default BlockingWaitStrategy: its publish() takes a lock and calls notifyAll for
      // consumers waiting on it, which a poller never does. Yielding's signal is a no-op, and its
      // waiting (unused here) matches the yield back-off every queue gets.
      RingBuffer<Slot> ring = RingBuffer.createMultiProducer(Slot::new, capacity, new YieldingWaitStrategy());
      EventPoller<Slot> poller = ring.newPoller();
      ring.addGatingSequences(poller.getSequence());
      return new Handoff() {
        int taken;
        int limit;
        Object last;
        final EventPoller.Handler<Slot> handler = (slot, sequence, endOfBatch) -> {
          last = slot.event;
          slot.event = null;
          return ++taken < limit;
        };

        @Override
        public boolean offer(Object e) {
          long sequence;
          try {
            sequence = ring.tryNext();
          } catch (InsufficientCapacityException full) {
            return false;
          }
          ring.get(sequence).event = e;
          ring.publish(sequence);
          return true;
        }

        @Override
        public int drain(int max) {
          taken = 0;
          // Everything published, not max: the poller works out the highest published sequence
          // by scanning from its position up to the cursor on every poll, so capping a poll at
          // max events costs a scan of the whole backlog per max events. Its own consumer
          // (BatchEventProcessor) likewise takes the whole available range at once.
          limit = Integer.MAX_VALUE;
          try {
            poller.poll(handler);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          return taken;
        }
      };
    }
  }

  /** Elements the consumer took: the hand-offs, reported per second as {@code :taken}. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Consumed {
    public long taken;

    @Setup(Level.Iteration)
    public void reset() {
      taken = 0;
    }
  }

  static boolean put(Queue q, Control control) {
    while (!q.handoff.offer(EVENT)) {
      if (control.stopMeasurement) {
        return false;
      }
      Thread.yield();
    }
    return true;
  }

  static int take(Queue q, Consumed consumed, Control control) {
    int n;
    while ((n = q.handoff.drain(BATCH)) == 0) {
      if (control.stopMeasurement) {
        return 0;
      }
      Thread.yield();
    }
    consumed.taken += n;
    return n;
  }

  @Benchmark
  @Group("oneProducer")
  @GroupThreads(1)
  public boolean put1(Queue q, Control control) {
    return put(q, control);
  }

  @Benchmark
  @Group("oneProducer")
  @GroupThreads(1)
  public int take1(Queue q, Consumed consumed, Control control) {
    return take(q, consumed, control);
  }

  @Benchmark
  @Group("twoProducers")
  @GroupThreads(2)
  public boolean put2(Queue q, Control control) {
    return put(q, control);
  }

  @Benchmark
  @Group("twoProducers")
  @GroupThreads(1)
  public int take2(Queue q, Consumed consumed, Control control) {
    return take(q, consumed, control);
  }
}
