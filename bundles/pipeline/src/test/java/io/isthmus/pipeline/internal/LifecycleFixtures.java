package io.isthmus.pipeline.internal;

import io.isthmus.api.detection.DetectionModel;
import io.isthmus.api.detection.Finding;
import io.isthmus.api.detection.FindingListener;
import io.isthmus.api.detection.FindingSink;
import io.isthmus.api.detection.ModelState;
import io.isthmus.api.event.TelemetryEvent;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/** Models and listeners for the lifecycle tests: shadow mode, promote, rollback, persistence. */
final class LifecycleFixtures {
  private LifecycleFixtures() {}

  /**
   * Counts the events it has seen across restarts and swaps (its state is that count) and emits
   * one finding, with a fixed score, on every event whose {@code seq} the rule accepts.
   */
  static final class ScriptedModel implements DetectionModel {
    final String id;
    final String version;
    private final LongPredicate flags;
    private final double score;
    private final Fixtures.@Nullable Ledger ledger;
    private final LongAdder observed = new LongAdder();
    volatile long importedCount = -1;

    ScriptedModel(String id, String version, LongPredicate flags, double score, Fixtures.@Nullable Ledger ledger) {
      this.id = id;
      this.version = version;
      this.flags = flags;
      this.score = score;
      this.ledger = ledger;
    }

    ScriptedModel(String id, String version) {
      this(id, version, seq -> false, 0.5, null);
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public String version() {
      return version;
    }

    @Override
    public void observe(TelemetryEvent event, FindingSink findings) {
      if (ledger != null) {
        ledger.check(event, id + "@" + version);
      }
      observed.increment();
      if (flags.test(Fixtures.seq(event))) {
        findings.emit(new Finding(id, version, event.timeMicros(), event.device(), event.source(), event.protocol(),
            score, List.of("scripted"), List.of(), List.of(event), "scripted finding"));
      }
    }

    long observed() {
      return observed.sum();
    }

    /** What this model has counted, including the count it continued from. */
    long total() {
      return Math.max(0, importedCount) + observed.sum();
    }

    @Override
    public ModelState exportState() {
      return new ModelState(id, version, 1, ByteBuffer.allocate(Long.BYTES).putLong(total()).array());
    }

    @Override
    public void importState(ModelState state) {
      if (state.formatVersion() != 1 || state.data().length != Long.BYTES) {
        throw new IllegalArgumentException("not a count");
      }
      importedCount = ByteBuffer.wrap(state.data()).getLong();
    }
  }

  /** Keeps every finding the engine dispatches. */
  static final class Collector implements FindingListener {
    final Queue<Finding> findings = new ConcurrentLinkedQueue<>();

    @Override
    public void onFinding(Finding finding) {
      findings.add(finding);
    }

    long fromVersion(String version) {
      return findings.stream().filter(f -> f.modelVersion().equals(version)).count();
    }
  }
}
