package io.isthmus.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;

import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.io.ByteArrayInputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * (d) After many updates of a model bundle no old revision's class loader stays reachable: not
 * from the pipeline, DS or the framework.
 */
@RunWith(PaxExam.class)
public class ModelRevisionLeakIT extends IsthmusTestSupport {
  static final int CYCLES = 100;

  @Test
  public void oldRevisionsAreCollectedAfterManyUpdates() throws Exception {
    TelemetryPipeline pipeline = pipeline();
    Bundle model = installCountingModel();
    Version base = model.getVersion();
    byte[] original = Files.readAllBytes(bundleFile(COUNTING_MODEL).toPath());
    List<WeakReference<Class<?>>> revisions = new ArrayList<>();
    List<String> versions = new ArrayList<>();

    // events flow during every update, so each revision scores some and the held-event replay
    // path runs on every swap
    try (EventChannel channel = pipeline.openChannel("test", SourceKind.FILE_REPLAY)) {
      try (EventPublisher publisher = new EventPublisher(channel, 32, 100, 50).start()) {
        for (int cycle = 0; cycle <= CYCLES; cycle++) {
          if (cycle > 0) {
            String next = new Version(base.getMajor(), base.getMinor(), base.getMicro(), "c" + cycle).toString();
            updateAndRefresh(model, BundleJars.withBundleVersion(new ByteArrayInputStream(original), next));
          }
          String version = model.getVersion().toString();
          revisions.add(new WeakReference<>(awaitRevisionScoring(pipeline, model, version)));
          versions.add(version);
        }
      }
      awaitDrained(pipeline);
      assertEquals("events lost across " + CYCLES + " updates", channel.accepted(), countingTotal());
    }

    List<String> reachable = reachableOldRevisions(revisions, versions);
    assertEquals("old revisions whose class loader is still reachable", List.of(), reachable);
    Class<?> current = revisions.get(CYCLES).get();
    assertNotNull("the current revision's class must stay loaded", current);
    assertSame(current, model.loadClass(COUNTING_COMPONENT));
  }

  /**
   * Waits until the pipeline scores with the model of the bundle's current revision and returns
   * that revision's component class (the test keeps it only weakly).
   */
  private Class<?> awaitRevisionScoring(TelemetryPipeline pipeline, Bundle model, String version) throws Exception {
    awaitCountingModel(version::equals, "at " + version);
    waitUntil(() -> "pipeline binds " + version + ": " + pipeline.status(), () -> {
      PipelineStatus s = pipeline.status();
      return s.models().equals(List.of("counting@" + version)) && s.parkedModels().isEmpty();
    });
    long scored = pipeline.status().eventsScored();
    waitUntil("revision " + version + " scores events", () -> pipeline.status().eventsScored() > scored + 500);
    Class<?> component = model.loadClass(COUNTING_COMPONENT);
    assertEquals("the registered model is of the current revision", Boolean.TRUE,
        withCountingModel(m -> m.getClass() == component));
    return component;
  }

  /** Collects garbage until every revision but the last is gone, or a bounded wait runs out. */
  private static List<String> reachableOldRevisions(List<WeakReference<Class<?>>> revisions, List<String> versions)
      throws InterruptedException {
    List<String> reachable = new ArrayList<>();
    for (int attempt = 0; attempt < 20; attempt++) {
      System.gc();
      Thread.sleep(100);
      reachable.clear();
      for (int i = 0; i < revisions.size() - 1; i++) {
        if (revisions.get(i).get() != null) {
          reachable.add(versions.get(i));
        }
      }
      if (reachable.isEmpty()) {
        break;
      }
    }
    return reachable;
  }
}
