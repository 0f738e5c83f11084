package io.isthmus.pipeline.internal;

import io.isthmus.api.pipeline.ModelInfo;
import io.isthmus.api.pipeline.ModelLifecycle;
import io.isthmus.api.pipeline.ShadowComparison;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo shell commands {@code isthmus:models}, {@code isthmus:promote <id>}, {@code isthmus:rollback <id>}. */
@Component(service = ModelCommands.class, property = {
    "osgi.command.scope=isthmus",
    "osgi.command.function=models",
    "osgi.command.function=promote",
    "osgi.command.function=rollback"})
public final class ModelCommands {
  private final ModelLifecycle lifecycle;

  @Activate
  public ModelCommands(@Reference ModelLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  /** Every model id with its active and shadow versions and the comparison. */
  public String models() {
    StringBuilder b = new StringBuilder();
    for (ModelInfo m : lifecycle.models()) {
      b.append(describe(m)).append('\n');
    }
    return b.length() == 0 ? "No models are bound." : b.toString().stripTrailing();
  }

  public String promote(String modelId) {
    try {
      return "Promoted. " + describe(lifecycle.promote(modelId));
    } catch (NoSuchElementException | IllegalStateException e) {
      return e.getMessage();
    }
  }

  public String rollback(String modelId) {
    try {
      return "Rolled back. " + describe(lifecycle.rollback(modelId));
    } catch (NoSuchElementException | IllegalStateException e) {
      return e.getMessage();
    }
  }

  static String describe(ModelInfo m) {
    StringBuilder b = new StringBuilder(m.modelId()).append(": active ")
        .append(m.activeVersion() == null ? "none" : m.activeVersion());
    if (m.learning()) {
      b.append(" (learning)");
    }
    if (m.shadowVersion() != null) {
      b.append(", shadow ").append(m.shadowVersion()).append(m.rollbackAvailable() ? " (rollback target)" : "");
    }
    ShadowComparison c = m.comparison();
    if (c != null) {
      b.append(String.format(Locale.ROOT,
          "%n  since %tFT%<tT: %d events scored by both; findings active %d, shadow %d; agreement %.3f"
              + " (%d of %d flags); mean |score drift| %.3f",
          c.sinceMillis(), c.eventsScoredByBoth(), c.activeFindings(), c.shadowFindings(), c.agreement(),
          c.agreedFlags(), c.activeFlags() + c.shadowFlags() - c.agreedFlags(), c.meanAbsScoreDrift()));
    }
    return b.toString();
  }
}
