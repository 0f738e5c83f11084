package io.isthmus.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.isthmus.api.detection.Finding;
import io.isthmus.api.pipeline.EventChannel;
import io.isthmus.api.pipeline.PipelineStatus;
import io.isthmus.api.pipeline.SourceKind;
import io.isthmus.api.pipeline.TelemetryPipeline;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.Version;

/**
 * (b) Updating a model bundle under a continuous event stream loses no event, hands the old
 * version's state to the new one, and touches no other bundle.
 */
@RunWith(PaxExam.class)
public class ModelHotSwapIT extends IsthmusTestSupport {

  @Test
  public void updateUnderLoadLosesNoEventAndCarriesTheState() throws Exception {
    TelemetryPipeline pipeline = pipeline();
    Bundle model = installCountingModel();
    String v1 = awaitCountingModel(v -> true, "registered");
    Version old = model.getVersion();
    String v2 = new Version(old.getMajor(), old.getMinor(), old.getMicro(), "v2").toString();
    byte[] v2Jar = BundleJars.withBundleVersion(bundleFile(COUNTING_MODEL).toPath(), v2);
    assertEquals(v2, BundleJars.bundleVersion(v2Jar));
    waitUntil("pipeline binds " + v1, () -> pipeline.status().models().contains("counting@" + v1));

    List<BundleEvent> bundleEvents = new CopyOnWriteArrayList<>();
    SynchronousBundleListener recorder = bundleEvents::add;
    try (FindingCollector collector = new FindingCollector(context);
         EventChannel channel = pipeline.openChannel("test", SourceKind.FILE_REPLAY)) {
      try (EventPublisher publisher = new EventPublisher(channel, 64, 300, 200).start()) {
        waitUntil("the stream reaches " + v1, () -> pipeline.status().eventsScored() > 50_000);
        waitUntil("findings from " + v1, () -> !collector.from(COUNTING_ID).isEmpty());

        context.addBundleListener(recorder);
        try {
          updateAndRefresh(model, v2Jar);
          awaitCountingModel(v2::equals, "at " + v2);
          waitUntil(() -> "pipeline binds " + v2 + ": " + pipeline.status(), () -> {
            PipelineStatus s = pipeline.status();
            return s.models().equals(List.of("counting@" + v2)) && s.parkedModels().isEmpty();
          });
        } finally {
          context.removeBundleListener(recorder);
        }
        long acceptedAtSwap = channel.accepted();
        waitUntil("the stream reaches " + v2, () -> pipeline.status().eventsScored() > acceptedAtSwap + 50_000);
      }
      // the stream has stopped: every accepted event must reach the model, old or new version
      PipelineStatus drained = awaitDrained(pipeline);
      long accepted = channel.accepted();
      assertEquals("events refused by the channel", 0, channel.dropped());
      assertEquals(0, drained.eventsDropped());
      assertEquals(accepted, drained.eventsIn());
      assertEquals(accepted, drained.eventsScored());
      assertEquals(0, drained.modelErrors());

      String now = withCountingModel(m -> m.version());
      assertEquals(v2, now);
      assertNotEquals(v1, now);
      assertEquals(v2, model.getVersion().toString());
      // v2 counts every event since the stream began: the ones v1 saw come with v1's state
      assertEquals("events lost in the swap (accepted - counted by the model)", accepted, countingTotal());

      // v1's learned operations carried over: no (device, operation) is reported twice, and v2
      // reported new operations of its own
      Map<String, List<Finding>> byDeviceAndOp = new HashMap<>();
      for (Finding f : collector.from(COUNTING_ID)) {
        byDeviceAndOp.computeIfAbsent(f.device().ip() + " " + f.indicators(), k -> new ArrayList<>()).add(f);
      }
      byDeviceAndOp.forEach((key, list) -> assertEquals("reported more than once: " + key + " by "
          + list.stream().map(Finding::modelVersion).toList(), 1, list.size()));
      assertTrue("findings from " + v1, collector.from(COUNTING_ID).stream().anyMatch(f -> f.modelVersion().equals(v1)));
      assertTrue("findings from " + v2, collector.from(COUNTING_ID).stream().anyMatch(f -> f.modelVersion().equals(v2)));
    }

    // no bundle but the model changed state during the update and refresh
    assertFalse("no bundle events recorded", bundleEvents.isEmpty());
    List<String> others = new ArrayList<>();
    for (BundleEvent e : bundleEvents) {
      if (e.getBundle().getBundleId() != model.getBundleId()) {
        others.add(e.getBundle().getSymbolicName() + " " + typeName(e.getType()));
      }
    }
    assertEquals("bundles other than the model changed state: " + others, List.of(), others);
    assertTrue(bundleEvents.stream().anyMatch(e -> e.getType() == BundleEvent.UPDATED));
    assertEquals(Bundle.ACTIVE, model.getState());
  }

  static String typeName(int type) {
    return switch (type) {
      case BundleEvent.INSTALLED -> "INSTALLED";
      case BundleEvent.STARTED -> "STARTED";
      case BundleEvent.STOPPED -> "STOPPED";
      case BundleEvent.UPDATED -> "UPDATED";
      case BundleEvent.UNINSTALLED -> "UNINSTALLED";
      case BundleEvent.RESOLVED -> "RESOLVED";
      case BundleEvent.UNRESOLVED -> "UNRESOLVED";
      case BundleEvent.STARTING -> "STARTING";
      case BundleEvent.STOPPING -> "STOPPING";
      case BundleEvent.LAZY_ACTIVATION -> "LAZY_ACTIVATION";
      default -> "type " + type;
    };
  }
}
